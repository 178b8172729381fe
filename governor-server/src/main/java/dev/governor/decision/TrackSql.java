package dev.governor.decision;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The SQL behind {@link TrackRecords}: each decision of the agent in the window joined with its
 * latest outcome report (lo), latest review (lr), latest human action (lh), incident count (inc)
 * and OUTCOME_MISSING flag (m). Latest = reported last (ties by id) or highest seq: reports and
 * reviews are history, the last one stands.
 */
final class TrackSql {

    static final String WINDOW = " where d.agent_id = :agent and d.decided_at >= :since and d.decided_at < :until";

    static final String WITH = with(WINDOW);

    static final String FROM = from(WINDOW);

    /** The latest report, review and human action and the incident count of each decision {@code where} picks. */
    static String with(String where) {
        String mine = " join decisions d on d.id = x.decision_id" + where;
        return "with lo as (select x.decision_id, x.status, row_number() over (partition by"
                + " x.decision_id order by x.reported_at desc, x.id desc) rn from decision_outcomes x" + mine + "),"
                + " fo as (select x.decision_id, min(x.reported_at) first_at from decision_outcomes x" + mine
                + " group by x.decision_id),"
                + " inc as (select x.decision_id, count(*) n from decision_outcomes x" + mine
                + " and x.incident = true group by x.decision_id),"
                + " lr as (select x.decision_id, x.verdict, row_number() over (partition by x.decision_id"
                + " order by x.seq desc) rn from decision_outcome_reviews x" + mine + "),"
                + " lh as (select x.decision_id, x.action, row_number() over (partition by x.decision_id"
                + " order by x.seq desc) rn from decision_human_actions x" + mine + ") ";
    }

    static String from(String where) {
        return " from decisions d"
                + " left join lo on lo.decision_id = d.id and lo.rn = 1"
                + " left join fo on fo.decision_id = d.id"
                + " left join lr on lr.decision_id = d.id and lr.rn = 1"
                + " left join lh on lh.decision_id = d.id and lh.rn = 1"
                + " left join inc on inc.decision_id = d.id"
                + " left join decision_outcome_missing m on m.decision_id = d.id" + where;
    }

    private TrackSql() {
    }

    /** Field of {@link TrackRecord} -> which decisions it counts; in the record's order. */
    static Map<String, String> conditions() {
        String claimed = "d.outcome = 'ALLOW' and lo.status is not null";
        String confirmed = claimed + " and lr.verdict = 'CONFIRMED'";
        String reviewable = "d.outcome in ('RECOMMEND', 'REQUIRE_APPROVAL') and lh.action is not null";
        Map<String, String> c = new LinkedHashMap<>();
        c.put("decisions", "1 = 1");
        c.put("mutationsAllowed", "d.outcome = 'ALLOW' and d.mutating = true");
        c.put("outcomesClaimed", claimed);
        c.put("outcomesConfirmed", confirmed);
        c.put("outcomesDisputed", claimed + " and lr.verdict = 'DISPUTED'");
        c.put("confirmedSucceeded", confirmed + " and lo.status = 'SUCCEEDED'");
        c.put("confirmedFailed", confirmed + " and lo.status = 'FAILED'");
        c.put("confirmedRolledBack", confirmed + " and lo.status = 'ROLLED_BACK'");
        c.put("incidents", "inc.n is not null");
        c.put("outcomesMissing", "m.decision_id is not null");
        c.put("humanReviewed", reviewable);
        c.put("humanAgreed", reviewable + " and lh.action = 'ACCEPTED'");
        return c;
    }
}
