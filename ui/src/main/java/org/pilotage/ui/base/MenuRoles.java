package org.pilotage.ui.base;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The roles the menu shows a view to, when more may open it: the home page opens for everyone signed
 * in but sends a data steward on to the loading screen, so the menu offers it to the others only.
 * Views that declare who may open them with {@code @RolesAllowed} need no such line: the menu follows it.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface MenuRoles {

    /** Role names as {@code @RolesAllowed} writes them ({@code MANAGER}…). */
    String[] value();
}
