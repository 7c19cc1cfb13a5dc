package cn.tcsubsidy.panel.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import cn.tcsubsidy.calendar.domain.WorkingDays;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The pure parts of the panel at work: how far seated members fall short of a rule's make-up, the rule of a
 * supplementary draw (as many as the reserves, of the kinds the held seats leave missing), the due time of a seat
 * and who leads the consensus.
 */
class PanelServiceTest {

    static final MemberKind E = MemberKind.EXPERT;
    static final MemberKind ENT = MemberKind.ENTREPRENEUR;
    static final MemberKind THIRD = MemberKind.THIRD_PARTY;
    static final MemberKind HEAD = MemberKind.DEPARTMENT_HEAD;

    /** tc-panel-size's small panel: 3 members, at least 2 experts and 1 non-expert, 2 reserves, 5 working days. */
    static final PanelRule SMALL = new PanelRule(3, Map.of(E, 2), 1, 2, 5);
    /** Its large panel: 5 members, at least 3 experts and 1 non-expert. */
    static final PanelRule LARGE = new PanelRule(5, Map.of(E, 3), 1, 2, 5);

    @Test
    void shouldCountTheMissingExpertsAndNonExperts() {
        assertThat(SMALL.shortfall(List.of())).isEqualTo(3);
        assertThat(SMALL.shortfall(List.of(E))).isEqualTo(2);
        assertThat(SMALL.shortfall(List.of(E, E))).as("the non-expert").isEqualTo(1);
        assertThat(SMALL.shortfall(List.of(E, HEAD))).as("an expert").isEqualTo(1);
        assertThat(SMALL.shortfall(List.of(E, E, THIRD))).isZero();
        assertThat(SMALL.shortfall(List.of(E, E, E))).as("three experts still lack a non-expert").isEqualTo(1);
        assertThat(SMALL.shortfall(List.of(ENT, THIRD))).as("non-experts do not stand in for experts").isEqualTo(2);
        assertThat(LARGE.shortfall(List.of(E, E, ENT, THIRD))).isEqualTo(1);
        assertThat(LARGE.shortfall(List.of(E, E, E, ENT))).as("the fifth seat may go to anyone").isZero();
    }

    @Test
    void shouldCountEachNonExpertKindsMinimumWithinTheNonExperts() {
        PanelRule kinds = new PanelRule(5, Map.of(E, 2, ENT, 1, THIRD, 1), 1, 2, 5);
        assertThat(kinds.nonExpertsNeeded()).isEqualTo(2);
        assertThat(kinds.shortfall(List.of(E, E, HEAD))).as("an entrepreneur and a third party").isEqualTo(2);
        assertThat(kinds.shortfall(List.of(E, E, ENT, ENT))).as("the third party").isEqualTo(1);
        assertThat(kinds.shortfall(List.of(E, ENT, THIRD))).as("an expert").isEqualTo(1);
        PanelRule manyNonExperts = new PanelRule(5, Map.of(E, 1, ENT, 1), 3, 2, 5);
        assertThat(manyNonExperts.shortfall(List.of(E, ENT))).as("two more non-experts of any kind").isEqualTo(2);
    }

    @Test
    void shouldDrawAsManyAsTheReservesOfTheKindsTheHeldSeatsLeaveMissing() {
        PanelRule expertSeat = PanelService.supplementRule(SMALL, List.of(E, ENT));
        assertThat(expertSeat.size()).isEqualTo(2);
        assertThat(expertSeat.minimum(E)).isEqualTo(1);
        assertThat(expertSeat.nonExpertsNeeded()).isZero();
        assertThat(expertSeat.reserves()).as("a supplement is all reserves, no reserves of its own").isZero();
        assertThat(expertSeat.dueWorkingDays()).isEqualTo(5);

        PanelRule nonExpertSeat = PanelService.supplementRule(SMALL, List.of(E, E));
        assertThat(nonExpertSeat.size()).isEqualTo(2);
        assertThat(nonExpertSeat.minimum(E)).isZero();
        assertThat(nonExpertSeat.nonExpertsNeeded()).isEqualTo(1);

        PanelRule anySeat = PanelService.supplementRule(LARGE, List.of(E, E, E, THIRD));
        assertThat(anySeat.size()).isEqualTo(2);
        assertThat(anySeat.minimumPerKind().values()).allMatch(n -> n == 0);
        assertThat(anySeat.nonExpertsNeeded()).isZero();
    }

    @Test
    void shouldDrawAtLeastOneAndAtLeastTheShortfall() {
        PanelRule noReserves = new PanelRule(3, Map.of(E, 2), 1, 0, 5);
        assertThat(PanelService.supplementRule(noReserves, List.of(E, E)).size()).as("at least one").isEqualTo(1);
        PanelRule oneReserve = new PanelRule(5, Map.of(E, 3), 1, 1, 5);
        PanelRule afterThreeLeft = PanelService.supplementRule(oneReserve, List.of(E, ENT));
        assertThat(afterThreeLeft.size()).as("two experts missing: at least two drawn").isEqualTo(2);
        assertThat(afterThreeLeft.minimum(E)).isEqualTo(2);
        PanelRule kinds = new PanelRule(5, Map.of(E, 2, ENT, 1, THIRD, 1), 1, 1, 5);
        PanelRule afterKinds = PanelService.supplementRule(kinds, List.of(E, HEAD));
        assertThat(afterKinds.size()).as("an expert, an entrepreneur and a third party").isEqualTo(3);
        assertThat(afterKinds.minimum(ENT)).isEqualTo(1);
        assertThat(afterKinds.minimum(THIRD)).isEqualTo(1);
        assertThat(afterKinds.minimum(HEAD)).isZero();
    }

    @Test
    void shouldGiveASupplementThatFillsTheVacantSeatWhateverTheSeed() {
        List<Candidate> fresh = List.of(new Candidate(11, "j-ent", "企业家", ENT),
                new Candidate(12, "j-third", "第三方", THIRD), new Candidate(13, "j-head", "部门负责人", HEAD),
                new Candidate(14, "j-expert", "专家", E));
        List<MemberKind> held = List.of(E, THIRD);
        PanelRule rule = PanelService.supplementRule(SMALL, held);
        for (long seed = 0; seed < 200; seed++) {
            PanelDraw.Result drawn = PanelDraw.pick(seed, fresh, rule);
            assertThat(drawn.panel()).as("seed " + seed).hasSize(2).anySatisfy(c -> {
                List<MemberKind> with = new ArrayList<>(held);
                with.add(c.kind());
                assertThat(SMALL.shortfall(with)).as("the seat filled by " + c.userId()).isZero();
            });
        }
    }

    /** Monday to Friday, no holidays listed (the table is the database's; the counting is WorkingDays'). */
    static WorkingDays weekdays() {
        return new WorkingDays(null) {
            @Override
            protected java.util.Map<LocalDate, Boolean> listed(LocalDate first, LocalDate last) {
                return java.util.Map.of();
            }
        };
    }

    static PanelService service(Seats seats, WorkingDays days) {
        return new PanelService(null, null, seats, null, null, null, null, null, null, null, days, null, null);
    }

    @Test
    void shouldBeDueAtMidnightAfterTheLastWorkingDayCountedFromTomorrow() {
        PanelService panel = service(null, weekdays());
        LocalDateTime friday = LocalDateTime.of(2026, 12, 4, 15, 30);
        assertThat(panel.dueAt(friday, 5)).as("Mon 7 … Fri 11, due as Sat 12 begins")
                .isEqualTo(LocalDateTime.of(2026, 12, 12, 0, 0));
        LocalDateTime wednesday = LocalDateTime.of(2026, 9, 30, 23, 59);
        assertThat(panel.dueAt(wednesday, 1)).as("Thu 1 Oct").isEqualTo(LocalDateTime.of(2026, 10, 2, 0, 0));
        assertThat(panel.dueAt(wednesday, 3)).as("Thu, Fri, Mon").isEqualTo(LocalDateTime.of(2026, 10, 6, 0, 0));
    }

    static Seat seat(long id, int seatNo, String member, MemberKind kind, Seat.Status status) {
        LocalDateTime at = LocalDateTime.of(2026, 12, 1, 9, 0);
        return new Seat(id, 1, 7, seatNo, member, id, member, kind, 100, status, at, at.plusDays(7),
                status == Seat.Status.ACTIVE ? null : at.plusDays(1), status == Seat.Status.ACTIVE ? null : member,
                null);
    }

    @Test
    void shouldLetTheFirstDrawnExpertWhoScoredLeadElseTheFirstWhoScored() {
        Seats seats = mock(Seats.class);
        PanelService panel = service(seats, weekdays());
        when(seats.ofProject(1, 7)).thenReturn(List.of(
                seat(1, 1, "j-ent-member", ENT, Seat.Status.SCORED),
                seat(2, 2, "j-expert-a", E, Seat.Status.RECUSED),
                seat(3, 3, "j-expert-b", E, Seat.Status.SCORED),
                seat(4, 2, "j-expert-c", E, Seat.Status.SCORED)));
        assertThat(panel.lead(1, 7)).as("the expert who stepped aside does not lead").isEqualTo("j-expert-b");

        when(seats.ofProject(1, 7)).thenReturn(List.of(
                seat(1, 1, "j-third-member", THIRD, Seat.Status.SCORED),
                seat(2, 2, "j-head-member", HEAD, Seat.Status.SCORED)));
        assertThat(panel.lead(1, 7)).as("no expert scored").isEqualTo("j-third-member");

        when(seats.ofProject(1, 7)).thenReturn(List.of(seat(1, 1, "j-expert-a", E, Seat.Status.ACTIVE)));
        assertThat(panel.lead(1, 7)).as("nobody scored yet").isNull();
    }
}
