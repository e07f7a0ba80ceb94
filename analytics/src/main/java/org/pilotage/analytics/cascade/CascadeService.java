package org.pilotage.analytics.cascade;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.pilotage.analytics.access.Caller;
import org.pilotage.analytics.actions.ActionService;
import org.pilotage.analytics.catalogue.CatalogueRepository;
import org.pilotage.analytics.catalogue.Indicator;
import org.pilotage.analytics.dashboard.Figure;
import org.pilotage.analytics.dashboard.RoomQueries;
import org.pilotage.analytics.escalations.EscalationService;
import org.pilotage.analytics.rooms.RoomService;
import org.pilotage.analytics.rooms.SteeringRoom;
import org.pilotage.analytics.status.CommitmentRepository;
import org.pilotage.analytics.status.CommitmentRepository.Commitments;
import org.pilotage.analytics.status.Status;
import org.pilotage.analytics.status.StatusRules;
import org.pilotage.analytics.store.DataVersion;
import org.pilotage.analytics.store.ResultCache;
import org.pilotage.analytics.text.Refusal;

/**
 * The cascade a room belongs to, at a glance: the rooms below it with their status counts, late actions
 * and open escalations, read for every room of the tree at once (one statement for the figures, one for
 * the late actions, one for the escalations) and kept until the data version moves. Each room's counts
 * are those of its own tiles for the last complete month: the same figures (the aggregation rule over its
 * directions) and the same status rules.
 */
public class CascadeService {

    private final RoomService rooms;
    private final RoomQueries queries;
    private final ActionService actions;
    private final CatalogueRepository catalogue;
    private final CommitmentRepository commitments;
    private final EscalationService escalations;
    private final Clock clock;
    private final ResultCache cache;

    public CascadeService(RoomService rooms, RoomQueries queries, ActionService actions, CatalogueRepository catalogue,
                          CommitmentRepository commitments, EscalationService escalations, DataVersion version, Clock clock) {
        this.rooms = rooms;
        this.queries = queries;
        this.actions = actions;
        this.catalogue = catalogue;
        this.commitments = commitments;
        this.escalations = escalations;
        this.clock = clock;
        this.cache = new ResultCache(version, 500);
    }

    private record TreeKey(long room, YearMonth month, LocalDate today) {
    }

    /** The rooms below a room the caller may see, level by level, each with its counts. */
    public List<RoomNode> tree(Caller caller, SteeringRoom room) {
        SteeringRoom root = rooms.find(caller, room.id())
                .orElseThrow(() -> new Refusal(Refusal.Reason.NOT_FOUND, "room.unknown-id", room.id()));
        List<RoomNode> all = cache.get(root.establishment(), new TreeKey(root.id(), rooms.lastCompleteMonth(), LocalDate.now(clock)), () -> {
            List<SteeringRoom> below = rooms.descendants(root);
            Map<Long, RoomNode> counts = nodes(below);
            List<RoomNode> ordered = new ArrayList<>();
            addChildren(root, 1, below, counts, ordered);
            return List.copyOf(ordered);
        });
        return all.stream().filter(n -> caller.allows(n.room().establishment())).toList();
    }

    /** Forgets the trees kept (benchmarks measure them computed). */
    public void clearCache() {
        cache.clear();
    }

    /** Depth first, so that a strategic room's tree reads as an outline: each room followed by its own children. */
    private static void addChildren(SteeringRoom parent, int depth, List<SteeringRoom> below, Map<Long, RoomNode> counts,
                                    List<RoomNode> out) {
        for (SteeringRoom r : below) {
            if (Long.valueOf(parent.id()).equals(r.parentId())) {
                RoomNode n = counts.get(r.id());
                out.add(new RoomNode(r, depth, n.red(), n.amber(), n.green(), n.lateActions(), n.openEscalations()));
                addChildren(r, depth + 1, below, counts, out);
            }
        }
    }

    /** A room's child rooms at a glance and its escalations not closed (a report of a room the caller was checked to see). */
    public CascadeSummary summary(SteeringRoom room) {
        List<SteeringRoom> children = rooms.children(room);
        Map<Long, RoomNode> counts = nodes(children);
        List<RoomNode> nodes = children.stream().map(c -> {
            RoomNode n = counts.get(c.id());
            return new RoomNode(c, 1, n.red(), n.amber(), n.green(), n.lateActions(), n.openEscalations());
        }).toList();
        var received = escalations.unclosed(room, true);
        var sent = escalations.unclosed(room, false);
        Map<Long, String> names = new HashMap<>();
        rooms.all().forEach(r -> names.put(r.id(), r.name()));
        Map<Long, String> titles = new HashMap<>();
        Stream.concat(received.stream(), sent.stream())
                .forEach(e -> escalations.actionTitle(e).ifPresent(t -> titles.put(e.id(), t)));
        return new CascadeSummary(nodes, received, sent, names, titles);
    }

    /** The counts of some rooms, read together. */
    public Map<Long, RoomNode> nodes(Collection<SteeringRoom> some) {
        Map<Long, RoomNode> out = new LinkedHashMap<>();
        if (some.isEmpty()) {
            return out;
        }
        YearMonth month = rooms.lastCompleteMonth();
        List<Long> ids = some.stream().map(SteeringRoom::id).toList();
        Map<Long, Map<String, TreeMap<YearMonth, Figure>>> figures = queries.roomFigures(ids, null, month, month);
        Map<Long, Integer> late = actions.lateCounts(ids);
        Map<Long, Integer> open = escalations.openCounts(ids);
        Map<String, Indicator> known = new HashMap<>();
        catalogue.findAll().forEach(i -> known.put(i.code(), i));
        Commitments gaps = commitments.all();
        for (SteeringRoom r : some) {
            int red = 0;
            int amber = 0;
            int green = 0;
            Map<String, TreeMap<YearMonth, Figure>> mine = figures.getOrDefault(r.id(), Map.of());
            for (String code : r.indicators()) {
                Indicator indicator = known.get(code);
                Figure f = mine.getOrDefault(code, new TreeMap<>()).getOrDefault(month, Figure.NONE);
                if (indicator == null) {
                    continue;
                }
                Status s = StatusRules.status(f.value(), f.target(), gaps.gapPercent(code, month), indicator.betterUp());
                switch (s) {
                    case BELOW_COMMITMENT -> red++;
                    case COMMITMENT_MET -> amber++;
                    case ON_TARGET -> green++;
                    default -> {
                        // no target or no data: neither colour
                    }
                }
            }
            out.put(r.id(), new RoomNode(r, 0, red, amber, green, late.getOrDefault(r.id(), 0), open.getOrDefault(r.id(), 0)));
        }
        return out;
    }
}
