package cn.tcsubsidy.panel.domain;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tcsubsidy.shared.CreditCode;
import cn.tcsubsidy.shared.ValidationException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * 1,000 draws on generated pools (random kinds, fields, employers and ties, some to the applicant): no member tied to
 * the applicant, inactive or outside the category is ever drawn; sizes and each kind's minimum are always met; the
 * same seed over the same candidates always gives the same panel, whatever order the pool was read in.
 */
class PanelDrawPropertyTest {

    static final LocalDate TODAY = LocalDate.of(2026, 6, 30);
    static final int LOOKBACK = 3;
    static final String APPLICANT = code(1);
    static final List<String> CATEGORIES = List.of("EQUIPMENT", "ROBOT", "CLUSTER");

    static String code(int n) {
        return CreditCode.withCheckCharacter("91370500MA3C" + String.format("%05d", n));
    }

    @Test
    void shouldNeverDrawATiedMemberAndAlwaysMeetTheRule() {
        Random gen = new Random(20260630L);
        int drawn = 0;
        int refused = 0;
        Set<List<Long>> distinctPanels = new HashSet<>();
        while (drawn < 1000) {
            List<PoolMember> pool = pool(gen);
            PanelRule rule = rule(gen);
            String category = CATEGORIES.get(gen.nextInt(CATEGORIES.size()));
            Recusal.Screened screened = Recusal.screen(pool, category, APPLICANT, TODAY, LOOKBACK);
            try {
                PanelDraw.requireEnough(screened.candidates(), rule, category, category);
            } catch (ValidationException e) {
                refused++;
                assertThat(reallyShort(screened.candidates(), rule)).as(e.getMessage()).isTrue();
                continue;
            }
            assertThat(reallyShort(screened.candidates(), rule)).isFalse();
            long seed = gen.nextLong();
            PanelDraw.Result r = PanelDraw.pick(seed, screened.candidates(), rule);
            drawn++;

            assertThat(r.panel()).hasSize(rule.size());
            assertThat(r.reserves()).hasSize(rule.reserves());
            for (MemberKind kind : MemberKind.values()) {
                assertThat(r.panel().stream().filter(c -> c.kind() == kind).count()).isGreaterThanOrEqualTo(rule.minimum(kind));
            }
            assertThat(r.panel().stream().filter(c -> c.kind() != MemberKind.EXPERT).count())
                    .as("the least number of non-experts").isGreaterThanOrEqualTo(rule.nonExpertsNeeded());
            assertThat(rule.shortfall(r.panel().stream().map(Candidate::kind).toList())).isZero();
            List<Candidate> everyone = new ArrayList<>(r.panel());
            everyone.addAll(r.reserves());
            assertThat(new HashSet<>(everyone)).hasSize(everyone.size());
            for (Candidate c : everyone) {
                PoolMember m = pool.stream().filter(p -> p.id() == c.memberId()).findFirst().orElseThrow();
                assertThat(m.active()).isTrue();
                assertThat(m.fields()).contains(category);
                assertThat(tied(m)).as("member %d drawn though tied to the applicant", m.id()).isFalse();
                assertThat(c.kind()).isEqualTo(m.kind());
            }
            // The excluded are exactly the tied among the active members of the field.
            assertThat(screened.excluded()).allSatisfy(x -> assertThat(x.reason()).startsWith("回避:常见做法"));
            assertThat(screened.excluded().stream().map(x -> x.member().memberId()).toList())
                    .containsExactlyElementsOf(pool.stream().filter(m -> m.active() && m.fields().contains(category))
                            .filter(PanelDrawPropertyTest::tied).map(PoolMember::id).sorted().toList());

            // Replay: the same seed over the same candidates; the pool read in another order screens the same.
            assertThat(PanelDraw.pick(seed, screened.candidates(), rule)).isEqualTo(r);
            List<PoolMember> shuffled = new ArrayList<>(pool);
            Collections.shuffle(shuffled, gen);
            assertThat(PanelDraw.pick(seed, Recusal.screen(shuffled, category, APPLICANT, TODAY, LOOKBACK).candidates(), rule))
                    .isEqualTo(r);
            distinctPanels.add(r.panel().stream().map(Candidate::memberId).toList());
        }
        assertThat(refused).as("some generated pools are short and refused").isGreaterThan(0);
        assertThat(distinctPanels.size()).as("seeds vary the panel").isGreaterThan(500);
    }

    @Test
    void shouldGiveDifferentPanelsForDifferentSeedsOverTheSameCandidates() {
        List<Candidate> candidates = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            candidates.add(new Candidate(i, "u" + i, "成员" + i, MemberKind.values()[i % 4]));
        }
        PanelRule rule = new PanelRule(5, Map.of(MemberKind.EXPERT, 1), 2, 5);
        Set<List<Candidate>> panels = new HashSet<>();
        for (long seed = 0; seed < 50; seed++) {
            panels.add(PanelDraw.pick(seed, candidates, rule).panel());
        }
        assertThat(panels.size()).isGreaterThan(40);
    }

    static boolean tied(PoolMember m) {
        return APPLICANT.equals(m.employerCreditCode()) || m.ties().stream().anyMatch(t -> APPLICANT.equals(t.creditCode())
                && (t.endsOn() == null || !t.endsOn().isBefore(TODAY.minusYears(LOOKBACK))));
    }

    static boolean reallyShort(List<Candidate> candidates, PanelRule rule) {
        if (candidates.size() < rule.size() + rule.reserves()) {
            return true;
        }
        for (MemberKind kind : MemberKind.values()) {
            if (candidates.stream().filter(c -> c.kind() == kind).count() < rule.minimum(kind)) {
                return true;
            }
        }
        return candidates.stream().filter(c -> c.kind() != MemberKind.EXPERT).count() < rule.nonExpertsNeeded();
    }

    static List<PoolMember> pool(Random gen) {
        int n = 4 + gen.nextInt(27);
        List<PoolMember> pool = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            MemberKind kind = MemberKind.values()[gen.nextInt(4)];
            List<String> fields = CATEGORIES.stream().filter(c -> gen.nextInt(4) > 0).toList();
            String employer = gen.nextInt(10) == 0 ? APPLICANT : gen.nextBoolean() ? code(2 + gen.nextInt(5)) : null;
            List<Tie> ties = new ArrayList<>();
            for (int t = gen.nextInt(3); t > 0; t--) {
                String with = gen.nextInt(3) == 0 ? APPLICANT : code(2 + gen.nextInt(5));
                // Open, or ended up to six years ago: around the three-year line.
                LocalDate endsOn = gen.nextInt(4) == 0 ? null : TODAY.minusDays(gen.nextInt(6 * 366));
                ties.add(new Tie(with, TieKind.values()[gen.nextInt(TieKind.values().length)], endsOn));
            }
            pool.add(new PoolMember(i * 10L + gen.nextInt(10), "j", "u" + i, kind, "成员" + i, fields, "单位",
                    employer, ties, gen.nextInt(8) > 0, null));
        }
        return pool;
    }

    static PanelRule rule(Random gen) {
        int size = 3 + gen.nextInt(3);
        Map<MemberKind, Integer> minimum = new EnumMap<>(MemberKind.class);
        int left = size;
        for (MemberKind kind : MemberKind.values()) {
            int m = gen.nextInt(Math.min(left, 2) + 1);
            minimum.put(kind, m);
            left -= m;
        }
        int experts = minimum.get(MemberKind.EXPERT);
        int nonExperts = gen.nextInt(size - experts + 1);
        return new PanelRule(size, minimum, nonExperts, gen.nextInt(3), 5);
    }
}
