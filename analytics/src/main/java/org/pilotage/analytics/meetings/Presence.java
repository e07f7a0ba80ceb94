package org.pilotage.analytics.meetings;

/** A member at a meeting. */
public enum Presence { PRESENT, ABSENT, EXCUSED }
