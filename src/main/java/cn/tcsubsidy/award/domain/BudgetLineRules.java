package cn.tcsubsidy.award.domain;

import cn.tcsubsidy.shared.Money;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * When the bureau may move a ranked project across the budget line (调入 / 调出预算线), with no database: the caller
 * reads the project's place and each paying fund's room, and records the move when no refusal comes back.
 *
 * <p>A move must change something: in for a project outside the line, out for one inside. Only a project the rules
 * award something (eligible, a proposable amount above 0) can move in, and only while every fund it would charge
 * can still pay its part: the year's budget less what the ledger's live awards already take (projects decided, of
 * this round and others) less what the undecided projects inside the line would take. There is no override: the
 * ledger never reserves beyond a budget (its only written override is Yanzhou's annual project limit), so a project
 * that does not fit moves in only after another moves out or the budget is raised. Moving out is always possible.
 */
public final class BudgetLineRules {

    public static final String IN = "IN";
    public static final String OUT = "OUT";
    public static final int MAX_REASON = 1000;

    private BudgetLineRules() {
    }

    /**
     * A ranked project as a move sees it.
     *
     * @param proposable what the ranking said the bureau could propose (the quote cut to the enterprise cap)
     * @param charges    what it would charge each paying fund (fund code → yuan); empty when nothing is proposable
     */
    public record Entry(long projectId, int rank, boolean eligible, BigDecimal proposable, boolean withinLine,
                        Map<String, BigDecimal> charges) {

        public Entry {
            proposable = proposable == null ? Money.ZERO : proposable;
            charges = charges == null ? Map.of() : Map.copyOf(new TreeMap<>(charges));
        }
    }

    /**
     * A paying fund of the year at the moment of the move.
     *
     * @param budget    the year's budget; null when none is entered
     * @param committed what the ledger's live awards take from it
     * @param pending   what the undecided projects inside the line would take
     */
    public record Room(String fundCode, String fundName, int year, BigDecimal budget, BigDecimal committed,
                       BigDecimal pending) {

        /** What is left for a project moving in; null without a budget. */
        public BigDecimal remaining() {
            return budget == null ? null : Money.round(budget.subtract(committed).subtract(pending));
        }
    }

    /** Where the move leaves the project: true inside the line. */
    public static boolean target(String direction) {
        return IN.equals(direction);
    }

    /**
     * Why {@code entry} may not move {@code direction} (IN or OUT), in Chinese, one message per reason; empty when it
     * may. {@code rooms} holds every fund the entry would charge (a fund missing from it counts as without budget).
     */
    public static List<String> refusals(Entry entry, String direction, Map<String, Room> rooms) {
        List<String> refusals = new ArrayList<>();
        boolean in = target(direction);
        if (in == entry.withinLine()) {
            refusals.add("项目已在预算线" + (in ? "内" : "外") + "(预算排序第 " + entry.rank() + " 名),本次调整不改变名单");
            return refusals;
        }
        if (!in) {
            return refusals;
        }
        if (!entry.eligible()) {
            refusals.add("按奖补规则该项目不予奖补,不能调入预算线内");
            return refusals;
        }
        if (entry.proposable().signum() <= 0 || entry.charges().isEmpty()) {
            refusals.add("该项目可拟扶持金额为 0(按规则测算为 0 或企业累计奖补额度已用完),不能调入预算线内");
            return refusals;
        }
        for (Map.Entry<String, BigDecimal> charge : entry.charges().entrySet()) {
            Room room = rooms.get(charge.getKey());
            if (room == null || room.budget() == null) {
                String fund = room == null ? "兑现资金 " + charge.getKey() + " " : room.fundName() + " " + room.year() + " 年度";
                refusals.add(fund + "预算未录入,不能调入预算线内;请财政局录入该年度预算");
                continue;
            }
            BigDecimal left = room.remaining();
            if (charge.getValue().compareTo(left) > 0) {
                refusals.add("预算余额不足,不能调入预算线内:" + room.fundName() + " " + room.year() + " 年度预算 "
                        + Money.format(room.budget()) + ",台账已安排 " + Money.format(room.committed())
                        + ",线内待审定项目拟安排 " + Money.format(room.pending()) + ",剩余 " + Money.format(left)
                        + ";本项目拟安排该资金 " + Money.format(charge.getValue()) + ",差额 "
                        + Money.format(charge.getValue().subtract(left))
                        + "。可先将线内项目调出预算线,或由财政局调整预算");
            }
        }
        return refusals;
    }
}
