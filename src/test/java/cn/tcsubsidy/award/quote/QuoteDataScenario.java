package cn.tcsubsidy.award.quote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cn.tcsubsidy.award.scheme.domain.AwardScheme;
import cn.tcsubsidy.award.scheme.domain.AwardSchemes;
import cn.tcsubsidy.award.scheme.domain.DemoSchemes;
import cn.tcsubsidy.award.scheme.domain.SchemeStatus;
import cn.tcsubsidy.award.scheme.domain.SchemeTerms;
import cn.tcsubsidy.jurisdiction.JurisdictionDirectory;
import cn.tcsubsidy.shared.AccessDeniedException;
import cn.tcsubsidy.shared.Actor;
import cn.tcsubsidy.shared.FieldError;
import cn.tcsubsidy.shared.NotFoundException;
import cn.tcsubsidy.shared.ValidationException;
import cn.tcsubsidy.standing.domain.EnterpriseStanding;
import cn.tcsubsidy.standing.domain.StandingKind;
import cn.tcsubsidy.standing.domain.StandingListing;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The data the quote reads besides the tables, through its services on a real database: annual schemes (one active
 * per scope and year, also when entered at once), the standing list (periods, lifting, once only), the quote date
 * settings (the dates they pick, changes with their history, also at once). Run on H2 and on PostgreSQL.
 */
abstract class QuoteDataScenario {

    static final Actor HG_RULES = new Actor("huanggang-rules", List.of("huanggang-rules"), List.of("huanggang"));
    static final Actor HG_BUREAU = new Actor("huanggang-bureau", List.of("huanggang-bureau"), List.of("huanggang"));
    static final Actor HG_OWNER = new Actor("huanggang-owner", List.of("huanggang-owner"), List.of("huanggang"));
    static final Actor HG_FINANCE = new Actor("huanggang-finance", List.of("huanggang-finance"), List.of("huanggang"));
    static final Actor JY_RULES = new Actor("jiyuan-rules", List.of("jiyuan-rules"), List.of("jiyuan"));
    static final Actor YZ_BUREAU = new Actor("yanzhou-bureau", List.of("yanzhou-bureau"), List.of("yanzhou"));
    static final Actor YZ_RULES = new Actor("yanzhou-rules", List.of("yanzhou-rules"), List.of("yanzhou"));
    static final Actor ADMIN = new Actor("admin", List.of(Actor.ADMIN_GROUP), List.of());
    static final String CODE = "91370800MA00000014";
    static final String OTHER_CODE = "91370800MA00000027";

    @Autowired
    AwardSchemes schemes;
    @Autowired
    EnterpriseStanding standing;
    @Autowired
    QuoteDateSettings settings;
    @Autowired
    JurisdictionDirectory directory;
    @Autowired
    JdbcClient jdbc;

    ExecutorService pool;

    @BeforeEach
    void cleanData() {
        jdbc.sql("delete from award_scheme_rate").update();
        jdbc.sql("delete from award_scheme").update();
        jdbc.sql("delete from enterprise_standing").update();
        jdbc.sql("update quote_date_setting set policy_date_rule = 'COMPLETION_DATE', lpr_date_rule = 'APPLICATION_DATE'")
                .update();
        pool = Executors.newFixedThreadPool(8);
    }

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    static Map<String, Object> scheme(String scope, int year, Object... rate) {
        Map<String, Object> r = new LinkedHashMap<>();
        for (int i = 0; i < rate.length; i += 2) {
            r.put((String) rate[i], rate[i + 1]);
        }
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("jurisdiction", "huanggang");
        b.put("scope", scope);
        b.put("year", year);
        b.put("document", "麻政办发〔" + year + "〕3号");
        b.put("filedOn", year + "-02-01");
        b.put("rates", List.of(r));
        return b;
    }

    static Map<String, Object> investment(String scope, int year) {
        return scheme(scope, year, "category", "INVESTMENT_SUBSIDY", "rate", "0.04", "projectCap", 800000,
                "note", "设备投资额的4%");
    }

    static Map<String, String> fields(ValidationException e) {
        Map<String, String> out = new HashMap<>();
        for (FieldError f : e.errors()) {
            out.merge(f.field(), f.message(), (a, b) -> a + ";" + b);
        }
        return out;
    }

    static Map<String, String> refused(Runnable r) {
        ValidationException e = catchThrowableOfType(ValidationException.class, r::run);
        assertThat(e).as("refused").isNotNull();
        return fields(e);
    }

    /** Runs the same call from several threads released together, each in its own transaction. */
    <T> List<Future<T>> atOnce(int n, Callable<T> call) throws InterruptedException {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            futures.add(pool.submit(() -> {
                start.await();
                return call.call();
            }));
        }
        start.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        return futures;
    }

    // ------------------------------------------------------------------------------------------ schemes

    @Test
    void shouldEnterSchemeAndFindItsTermsForTheUnitAndYear() {
        AwardScheme s = schemes.create(investment("macheng", 2023), HG_RULES);
        assertThat(s.status()).isEqualTo(SchemeStatus.ACTIVE);
        assertThat(s.sample()).isFalse();
        assertThat(s.enteredBy()).isEqualTo("huanggang-rules");
        assertThat(s.filedOn()).isEqualTo(LocalDate.of(2023, 2, 1));
        assertThat(s.rates()).singleElement().satisfies(r -> {
            assertThat(r.rate()).isEqualByComparingTo("0.04");
            assertThat(r.projectCap()).isEqualByComparingTo("800000");
            assertThat(r.enterpriseCap()).isNull();
        });
        SchemeTerms t = schemes.termsFor("huanggang", "INVESTMENT_SUBSIDY", "macheng", 2023).orElseThrow();
        assertThat(t.document()).isEqualTo("麻政办发〔2023〕3号");
        assertThat(t.rate()).isEqualByComparingTo("0.04");
        assertThat(t.sample()).isFalse();
    }

    @Test
    void shouldFindNoSchemeForAnotherUnitYearOrCategory() {
        schemes.create(investment("macheng", 2023), HG_RULES);
        assertThat(schemes.termsFor("huanggang", "INVESTMENT_SUBSIDY", "wuxue", 2023)).as("no fallback").isEmpty();
        assertThat(schemes.termsFor("huanggang", "INVESTMENT_SUBSIDY", "macheng", 2022)).isEmpty();
        SchemeTerms noLoanRate = schemes.termsFor("huanggang", "LOAN_INTEREST", "macheng", 2023).orElseThrow();
        assertThat(noLoanRate.document()).as("the scheme is filed").isEqualTo("麻政办发〔2023〕3号");
        assertThat(noLoanRate.rate()).as("but sets no rate for loan interest").isNull();
        assertThat(schemes.termsFor("huanggang", "INVESTMENT_SUBSIDY", null, 2023)).isEmpty();
        assertThat(schemes.termsFor("hekou", "DIRECT_SUBSIDY", "yihe", 2023)).as("not a scheme category").isEmpty();
    }

    @Test
    void shouldRefuseASecondActiveSchemeForTheScopeAndYearAndTakeOneAfterWithdrawal() {
        AwardScheme first = schemes.create(investment("macheng", 2023), HG_RULES);
        assertThat(refused(() -> schemes.create(investment("macheng", 2023), HG_RULES)).get("scope"))
                .contains("麻政办发〔2023〕3号").contains("撤回");
        AwardScheme withdrawn = schemes.withdraw(first.id(), Map.of("reason", "文件号录入有误"), HG_RULES);
        assertThat(withdrawn.status()).isEqualTo(SchemeStatus.WITHDRAWN);
        assertThat(withdrawn.withdrawnBy()).isEqualTo("huanggang-rules");
        assertThat(withdrawn.withdrawReason()).isEqualTo("文件号录入有误");
        assertThat(schemes.termsFor("huanggang", "INVESTMENT_SUBSIDY", "macheng", 2023)).isEmpty();
        AwardScheme again = schemes.create(investment("macheng", 2023), HG_RULES);
        assertThat(again.id()).isNotEqualTo(first.id());
        assertThat(schemes.list("huanggang", 2023, HG_BUREAU)).extracting(AwardScheme::status)
                .containsExactlyInAnyOrder(SchemeStatus.ACTIVE, SchemeStatus.WITHDRAWN);
    }

    @Test
    void shouldKeepOneActiveSchemeWhenEnteredAtOnce() throws Exception {
        List<Future<Long>> tries = atOnce(8, () -> schemes.create(investment("luotian", 2023), HG_RULES).id());
        int entered = 0;
        for (Future<Long> f : tries) {
            try {
                f.get();
                entered++;
            } catch (java.util.concurrent.ExecutionException e) {
                assertThat(e.getCause()).isInstanceOf(ValidationException.class);
                assertThat(fields((ValidationException) e.getCause())).containsOnlyKeys("scope");
            }
        }
        assertThat(entered).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from award_scheme where scope_code = 'luotian'").query(Integer.class).single())
                .isEqualTo(1);
    }

    @Test
    void shouldRefuseWithdrawingTwice() {
        AwardScheme s = schemes.create(investment("macheng", 2023), HG_RULES);
        schemes.withdraw(s.id(), Map.of("reason", "重新制定"), HG_RULES);
        assertThat(refused(() -> schemes.withdraw(s.id(), Map.of("reason", "再撤"), HG_RULES))).containsOnlyKeys("id");
        assertThat(refused(() -> schemes.withdraw(s.id(), Map.of(), HG_RULES))).containsOnlyKeys("reason");
    }

    @Test
    void shouldTakeJiyuanGreenAsOneSchemeForTheJurisdiction() {
        Map<String, Object> b = scheme("jiyuan", 2018, "category", "GREEN", "rate", 0.03, "projectCap", 1000000);
        b.put("jurisdiction", "jiyuan");
        schemes.create(b, JY_RULES);
        assertThat(schemes.termsFor("jiyuan", "GREEN", "kejing", 2018)).as("any unit: the jurisdiction's scheme")
                .get().extracting(SchemeTerms::rate).isEqualTo(new BigDecimal("0.030000"));
        Map<String, Object> unit = scheme("kejing", 2019, "category", "GREEN", "rate", 0.03);
        unit.put("jurisdiction", "jiyuan");
        assertThat(refused(() -> schemes.create(unit, JY_RULES))).containsOnlyKeys("scope");
    }

    @Test
    void shouldRefuseBadSchemesNamingEveryField() {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("jurisdiction", "huanggang");
        b.put("scope", "macheng");
        b.put("year", 1999);
        b.put("filedOn", "2023-02-30");
        b.put("documnet", "拼错");
        b.put("rates", List.of(Map.of("category", "INVESTMENT_SUBSIDY", "rate", 1.5, "projectCap", 0),
                Map.of("category", "LOAN_INTEREST", "rate", 0, "enterpriseCap", -1, "notes", "x"), "x"));
        assertThat(refused(() -> schemes.create(b, HG_RULES))).containsOnlyKeys("year", "filedOn", "document", "documnet",
                "rates[0].rate", "rates[0].projectCap", "rates[1].rate", "rates[1].enterpriseCap", "rates[1].notes",
                "rates[2]");
    }

    @Test
    void shouldRefuseSchemeForCategoryWithoutOneUnknownUnitRepeatedCategoryOrFutureFiling() {
        assertThat(refused(() -> schemes.create(investment("wuhan", 2023), HG_RULES))).containsOnlyKeys("scope");
        Map<String, Object> twice = investment("macheng", 2023);
        twice.put("rates", List.of(Map.of("category", "INVESTMENT_SUBSIDY", "rate", 0.04),
                Map.of("category", "INVESTMENT_SUBSIDY", "rate", 0.05)));
        assertThat(refused(() -> schemes.create(twice, HG_RULES))).containsOnlyKeys("rates[1].category");
        Map<String, Object> future = investment("macheng", 2023);
        future.put("filedOn", LocalDate.now().plusDays(2).toString());
        assertThat(refused(() -> schemes.create(future, HG_RULES))).containsOnlyKeys("filedOn");
        Map<String, Object> yz = scheme("gulou", 2021, "category", "EQUIPMENT", "rate", 0.03);
        yz.put("jurisdiction", "yanzhou");
        assertThat(refused(() -> schemes.create(yz, YZ_RULES))).containsOnlyKeys("rates[0].category");
        assertThat(refused(() -> schemes.create(Map.of("jurisdiction", "beijing"), ADMIN))).containsOnlyKeys("jurisdiction");
    }

    @Test
    void shouldLetOnlyTheRuleAdministratorAndTheAdministratorEnterAndWithdraw() {
        for (Actor a : List.of(HG_BUREAU, HG_OWNER, HG_FINANCE, JY_RULES)) {
            assertThatThrownBy(() -> schemes.create(investment("macheng", 2023), a)).as(a.userId())
                    .isInstanceOf(AccessDeniedException.class);
        }
        AwardScheme s = schemes.create(investment("macheng", 2023), ADMIN);
        assertThatThrownBy(() -> schemes.withdraw(s.id(), Map.of("reason", "x"), HG_BUREAU))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> schemes.withdraw(s.id(), Map.of("reason", "x"), JY_RULES))
                .as("another jurisdiction's scheme reads as absent").isInstanceOf(NotFoundException.class);
        assertThat(schemes.withdraw(s.id(), Map.of("reason", "x"), ADMIN).withdrawnBy()).isEqualTo("admin");
    }

    @Test
    void shouldLetTheBureauAndOwnerReadButNotFinance() {
        schemes.create(investment("macheng", 2023), HG_RULES);
        assertThat(schemes.list("huanggang", null, HG_OWNER)).hasSize(1);
        assertThat(schemes.categories("huanggang", HG_BUREAU)).extracting(c -> c.category())
                .containsExactly("INVESTMENT_SUBSIDY", "LOAN_INTEREST");
        assertThatThrownBy(() -> schemes.list("huanggang", null, HG_FINANCE)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> schemes.list("huanggang", null, JY_RULES)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void shouldEnterTheDemosSamplesOnceForEveryHuanggangUnitAndJiyuanGreen() {
        DemoSchemes demo = new DemoSchemes(schemes, directory);
        demo.enter(2022);
        demo.enter(2022);
        int units = directory.units("huanggang").size();
        assertThat(schemes.list("huanggang", 2022, ADMIN)).hasSize(units).allSatisfy(s -> {
            assertThat(s.sample()).isTrue();
            assertThat(s.document()).contains("示例方案");
            assertThat(s.enteredBy()).isEqualTo(Actor.SYSTEM);
        });
        SchemeTerms loan = schemes.termsFor("huanggang", "LOAN_INTEREST", "macheng", 2022).orElseThrow();
        assertThat(loan.rate()).isEqualByComparingTo("0.0185");
        assertThat(loan.projectCap()).isEqualByComparingTo("500000");
        assertThat(schemes.termsFor("huanggang", "INVESTMENT_SUBSIDY", "huangzhou", 2022).orElseThrow().rate())
                .isEqualByComparingTo("0.05");
        SchemeTerms green = schemes.termsFor("jiyuan", "GREEN", null, 2022).orElseThrow();
        assertThat(green.rate()).isEqualByComparingTo("0.03");
        assertThat(green.sample()).isTrue();
        assertThat(schemes.termsFor("huanggang", "INVESTMENT_SUBSIDY", "huangzhou", 2023)).as("the demo year only").isEmpty();
    }

    // ------------------------------------------------------------------------------------------ standing

    static Map<String, Object> listing(String code, String kind, String from, String until) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("jurisdiction", "yanzhou");
        b.put("creditCode", code);
        b.put("enterpriseName", "兖州示例机械有限公司");
        b.put("kind", kind);
        b.put("basis", "济宁市信用平台公示(2021)第12号");
        b.put("fromDate", from);
        if (until != null) {
            b.put("untilDate", until);
        }
        return b;
    }

    @Test
    void shouldListAnEnterpriseFromItsDateUntilItsEnd() {
        StandingListing l = standing.add(listing(CODE, "MAJOR_VIOLATION", "2020-03-01", "2023-02-28"), YZ_BUREAU);
        assertThat(l.kind()).isEqualTo(StandingKind.MAJOR_VIOLATION);
        assertThat(l.enteredBy()).isEqualTo("yanzhou-bureau");
        assertThat(standing.listedOn("yanzhou", CODE, LocalDate.of(2020, 2, 29))).isEmpty();
        assertThat(standing.listedOn("yanzhou", CODE, LocalDate.of(2020, 3, 1))).hasSize(1);
        assertThat(standing.listedOn("yanzhou", CODE, LocalDate.of(2023, 2, 28))).hasSize(1);
        assertThat(standing.listedOn("yanzhou", CODE, LocalDate.of(2023, 3, 1))).isEmpty();
        assertThat(standing.listedOn("yanzhou", OTHER_CODE, LocalDate.of(2021, 1, 1))).isEmpty();
        assertThat(standing.listedOn("jiyuan", CODE, LocalDate.of(2021, 1, 1))).as("per jurisdiction").isEmpty();
        assertThat(standing.listedOn("yanzhou", null, LocalDate.of(2021, 1, 1))).isEmpty();
    }

    @Test
    void shouldSayInTheRefusalWhatTheListingIsAndThatTheBureauKeepsIt() {
        StandingListing l = standing.add(listing(CODE, "CREDIT_SANCTION", "2021-01-01", null), YZ_BUREAU);
        assertThat(l.refusal()).contains(CODE).contains("联合惩戒/信用约束").contains("济宁市信用平台公示(2021)第12号")
                .contains("2021-01-01").contains("未定截止日期").contains("工信局录入和维护的数据");
    }

    @Test
    void shouldStopApplyingOnceLiftedAndLiftOnlyOnceAlsoAtOnce() throws Exception {
        StandingListing l = standing.add(listing(CODE, "MISSED_CAPACITY_EXIT", "2021-01-01", null), YZ_BUREAU);
        List<Future<StandingListing>> tries = atOnce(6,
                () -> standing.lift(l.id(), Map.of("reason", "已完成信用修复"), YZ_BUREAU));
        int lifted = 0;
        for (Future<StandingListing> f : tries) {
            try {
                assertThat(f.get().liftedBy()).isEqualTo("yanzhou-bureau");
                lifted++;
            } catch (java.util.concurrent.ExecutionException e) {
                assertThat(fields((ValidationException) e.getCause())).containsOnlyKeys("id");
            }
        }
        assertThat(lifted).isEqualTo(1);
        assertThat(standing.listedOn("yanzhou", CODE, LocalDate.of(2022, 1, 1))).isEmpty();
        assertThat(standing.list("yanzhou", CODE, YZ_BUREAU)).singleElement()
                .satisfies(s -> assertThat(s.liftReason()).isEqualTo("已完成信用修复"));
    }

    @Test
    void shouldRefuseBadListingsNamingEveryField() {
        Map<String, Object> b = listing("91370800MA00000015", "ZOMBIE", "2021-02-30", null);
        b.put("basis", " ");
        b.put("fromDat", "2021-01-01");
        assertThat(refused(() -> standing.add(b, YZ_BUREAU))).containsOnlyKeys("creditCode", "kind", "basis",
                "fromDate", "fromDat");
        assertThat(refused(() -> standing.add(listing(CODE, "CREDIT_SANCTION", "2021-05-01", "2021-04-30"), YZ_BUREAU)))
                .containsOnlyKeys("untilDate");
    }

    @Test
    void shouldLetOnlyTheBureauAndTheAdministratorKeepTheList() {
        assertThatThrownBy(() -> standing.add(listing(CODE, "CREDIT_SANCTION", "2021-01-01", null), YZ_RULES))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> standing.add(listing(CODE, "CREDIT_SANCTION", "2021-01-01", null), HG_BUREAU))
                .isInstanceOf(AccessDeniedException.class);
        StandingListing l = standing.add(listing(CODE, "CREDIT_SANCTION", "2021-01-01", null), ADMIN);
        assertThatThrownBy(() -> standing.list("yanzhou", null, YZ_RULES)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> standing.lift(l.id(), Map.of("reason", "x"), HG_BUREAU))
                .isInstanceOf(NotFoundException.class);
        assertThat(standing.list("yanzhou", null, YZ_BUREAU)).hasSize(1);
    }

    // ------------------------------------------------------------------------------------------ quote date settings

    static final LocalDate APPLIED = LocalDate.of(2023, 11, 30);
    static final LocalDate COMPLETED = LocalDate.of(2023, 6, 30);

    @Test
    void shouldPickTheCompletionDateForThePolicyAndTheApplicationDateForTheLprByDefault() {
        QuoteDateSettings.QuoteDates d = settings.dates("yanzhou", APPLIED, COMPLETED);
        assertThat(d.policyDate()).isEqualTo(COMPLETED);
        assertThat(d.lprDate()).isEqualTo(APPLIED);
        assertThat(settings.dates("yanzhou", APPLIED, null).policyDate()).as("no completion date known").isEqualTo(APPLIED);
        for (String j : cn.tcsubsidy.engine.Tenants.ALL) {
            QuoteDateSetting s = settings.read(j, ADMIN);
            assertThat(s.policyDateSource()).as(j).isNotBlank();
            assertThat(s.lprDateSource()).as(j).isNotBlank();
        }
        assertThat(settings.read("hekou", ADMIN).lprDateSource()).contains("最近一次公布");
    }

    @Test
    void shouldChangeTheSettingWithItsBasisAndKeepEveryVersion() {
        Map<String, Object> b = new HashMap<>(Map.of("policyDate", "APPLICATION_DATE", "lprDate", "COMPLETION_DATE",
                "lprDateSource", "局务会议纪要〔2024〕5号:贴息按竣工日LPR", "basis", "局务会议纪要〔2024〕5号"));
        String before = settings.read("hekou", ADMIN).policyDateSource();
        QuoteDateSetting s = settings.change("hekou", b, new Actor("hekou-rules", List.of("hekou-rules"), List.of("hekou")));
        assertThat(s.policyDate()).isEqualTo(QuoteDateRule.APPLICATION_DATE);
        assertThat(s.policyDateSource()).as("kept when not given").isEqualTo(before);
        assertThat(s.lprDateSource()).isEqualTo("局务会议纪要〔2024〕5号:贴息按竣工日LPR");
        assertThat(s.updatedBy()).isEqualTo("hekou-rules");
        assertThat(settings.read("hekou", ADMIN)).isEqualTo(s);
        QuoteDateSettings.QuoteDates d = settings.dates("hekou", APPLIED, COMPLETED);
        assertThat(d.policyDate()).isEqualTo(APPLIED);
        assertThat(d.lprDate()).isEqualTo(COMPLETED);
        List<QuoteDateSettings.Change> history = settings.history("hekou", ADMIN);
        assertThat(history.get(0).basis()).isEqualTo("局务会议纪要〔2024〕5号");
        assertThat(history.get(0).changedBy()).isEqualTo("hekou-rules");
        assertThat(history).hasSizeGreaterThanOrEqualTo(2);
        assertThat(history.get(history.size() - 1).changedBy()).as("the seeded version").isEqualTo("system");
    }

    @Test
    void shouldRefuseBadSettingChangesAndOtherRoles() {
        Actor rules = new Actor("hekou-rules", List.of("hekou-rules"), List.of("hekou"));
        assertThat(refused(() -> settings.change("hekou", Map.of("policyDate", "ROUND_DATE", "lprdate", "X"), rules)))
                .containsOnlyKeys("policyDate", "lprDate", "lprdate", "basis");
        assertThatThrownBy(() -> settings.change("hekou", Map.of(), new Actor("hekou-bureau", List.of("hekou-bureau"),
                List.of("hekou")))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> settings.change("hekou", Map.of(), HG_RULES)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> settings.read("hekou", HG_RULES)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void shouldRecordEveryChangeMadeAtOnce() throws Exception {
        Actor rules = new Actor("liaocheng-rules", List.of("liaocheng-rules"), List.of("liaocheng"));
        int before = settings.history("liaocheng", ADMIN).size();
        List<Future<QuoteDateSetting>> tries = atOnce(6, () -> settings.change("liaocheng", Map.of(
                "policyDate", "APPLICATION_DATE", "lprDate", "APPLICATION_DATE",
                "basis", "并发修改 " + Thread.currentThread().getName()), rules));
        for (Future<QuoteDateSetting> f : tries) {
            f.get();
        }
        List<QuoteDateSettings.Change> history = settings.history("liaocheng", ADMIN);
        assertThat(history).hasSize(before + 6);
        assertThat(settings.read("liaocheng", ADMIN).basis()).as("the row is the latest version")
                .isEqualTo(history.get(0).basis());
    }
}
