package cn.tcsubsidy.award.ledger;

import cn.tcsubsidy.project.domain.NewProject;
import cn.tcsubsidy.project.domain.ProjectRepository;
import cn.tcsubsidy.project.domain.Stage;
import cn.tcsubsidy.shared.CreditCode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Enterprises, projects, test funds and claims for the ledger's tests. Every enterprise and fund is new, so tests
 * sharing one database (the H2 context is shared between classes) never see each other's awards. A claim without a
 * fund of its own is paid by the fixture's fund of its jurisdiction, whose budget for the claim's year (a billion,
 * so that it never binds) is entered when the claim is built.
 */
final class LedgerFixture {

    /** A year no seeded budget covers: test funds are added for it. */
    static final int TEST_YEAR = 2030;

    private static final AtomicLong SEQUENCE = new AtomicLong();
    private static final Map<String, String> UNIT = Map.of(
            "hekou", "kfq", "huanggang", "macheng", "yanzhou", "gyyq", "jiyuan", "gaoxin", "liaocheng", "jingkai");

    record Enterprise(String jurisdiction, String creditCode) {
    }

    record TestProject(long id, String jurisdiction, String creditCode) {
    }

    private static final BigDecimal AMPLE = new BigDecimal("1000000000");

    private final ProjectRepository projects;
    private final JdbcClient jdbc;
    private final Map<String, String> ampleFunds = new java.util.HashMap<>();

    LedgerFixture(ProjectRepository projects, JdbcClient jdbc) {
        this.projects = projects;
        this.jdbc = jdbc;
    }

    Enterprise enterprise(String jurisdiction) {
        return new Enterprise(jurisdiction,
                CreditCode.withCheckCharacter(String.format("9137%013d", SEQUENCE.incrementAndGet())));
    }

    TestProject project(Enterprise e) {
        return project(e, UNIT.get(e.jurisdiction()));
    }

    /** A project of a recommending unit, e.g. Huanggang's 黄州区 (paid by the city and the district). */
    TestProject project(Enterprise e, String unit) {
        long n = SEQUENCE.incrementAndGet();
        long id = projects.insert(new NewProject(e.jurisdiction(), unit, "测试企业" + e.creditCode(),
                e.creditCode(), String.format("2020-370503-34-03-%06d", n), "技改项目" + n, "EQUIPMENT", new BigDecimal("9000000"), new BigDecimal("7000000"),
                BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, null, LocalDate.of(2020, 3, 1),
                LocalDate.of(2020, 12, 31)), Stage.AWARD_DECISION, "test");
        return new TestProject(id, e.jurisdiction(), e.creditCode());
    }

    /** A fund of its own with the given budget for {@link #TEST_YEAR}; returns its fund code. */
    String fund(String jurisdiction, String amount) {
        String code = "test-" + SEQUENCE.incrementAndGet();
        jdbc.sql("insert into fund (jurisdiction_code, fund_code, fund_name) values (:j, :f, :name)")
                .param("j", jurisdiction).param("f", code).param("name", "测试专项资金" + code).update();
        budget(jurisdiction, code, TEST_YEAR, amount);
        return code;
    }

    /** Enters the budget of an existing fund for a year, as the finance officer would. */
    void budget(String jurisdiction, String fund, int year, String amount) {
        jdbc.sql("""
                insert into fund_budget (jurisdiction_code, fund_code, budget_year, amount, basis)
                values (:j, :f, :y, :amount, '测试')
                """)
                .param("j", jurisdiction).param("f", fund).param("y", year).param("amount", new BigDecimal(amount)).update();
    }

    private String ampleFund(String jurisdiction, int year) {
        String code = ampleFunds.computeIfAbsent(jurisdiction, j -> fund(j, AMPLE.toPlainString()));
        boolean entered = jdbc.sql("select count(*) from fund_budget where jurisdiction_code = :j and fund_code = :f"
                        + " and budget_year = :y").param("j", jurisdiction).param("f", code).param("y", year)
                .query(Long.class).single() > 0;
        if (!entered) {
            budget(jurisdiction, code, year, AMPLE.toPlainString());
        }
        return code;
    }

    Claim claim(TestProject p) {
        return new Claim(p);
    }

    /** A claim with the jurisdiction's usual shape, each part changeable. */
    final class Claim {
        private final TestProject project;
        private String category;
        private Set<String> categorySet;
        private String policyKey;
        private String capScope;
        private BigDecimal cap;
        private boolean clusterLead;
        private List<FundShare> payers;
        private int year = 2021;
        private BigDecimal amount = new BigDecimal("100000");
        private String certificateNo;
        private String override;

        private Claim(TestProject p) {
            this.project = p;
            switch (p.jurisdiction()) {
                case "hekou" -> {
                    category = "DIRECT_SUBSIDY";
                    categorySet = Set.of("DIRECT_SUBSIDY", "LOAN_INTEREST");
                    policyKey = "hekou-2020";
                    cap = new BigDecimal("3000000");
                }
                case "yanzhou" -> {
                    category = "EQUIPMENT";
                    categorySet = Set.of("EQUIPMENT", "ROBOT", "INFORMATIZATION", "CLUSTER");
                    policyKey = "yanzhou-2020";
                    capScope = "EQUIPMENT";
                    cap = new BigDecimal("1000000");
                }
                case "liaocheng" -> {
                    category = "EQUIPMENT";
                    categorySet = Set.of("EQUIPMENT");
                    policyKey = "liaocheng";
                    cap = new BigDecimal("2000000");
                }
                case "huanggang" -> {
                    category = "INVESTMENT_SUBSIDY";
                    categorySet = Set.of("INVESTMENT_SUBSIDY", "LOAN_INTEREST");
                    policyKey = "huanggang-2021";
                }
                default -> {
                    category = "TECH_RETROFIT";
                    categorySet = Set.of("TECH_RETROFIT");
                    policyKey = "jiyuan-2017";
                }
            }
        }

        Claim category(String category, String... set) {
            this.category = category;
            this.categorySet = Set.of(set);
            return this;
        }

        Claim policy(String key) {
            this.policyKey = key;
            return this;
        }

        Claim capScope(String scope) {
            this.capScope = scope;
            return this;
        }

        Claim cap(String cap) {
            this.cap = cap == null ? null : new BigDecimal(cap);
            return this;
        }

        Claim clusterLead() {
            this.clusterLead = true;
            return this;
        }

        Claim fund(String fundCode, int year) {
            this.payers = List.of(FundShare.whole(fundCode, "测试"));
            this.year = year;
            return this;
        }

        Claim payers(List<FundShare> payers, int year) {
            this.payers = payers;
            this.year = year;
            return this;
        }

        Claim certificate(String number) {
            this.certificateNo = number;
            return this;
        }

        Claim annualLimitOverride(String reason) {
            this.override = reason;
            return this;
        }

        Claim year(int year) {
            this.year = year;
            return this;
        }

        Claim amount(String amount) {
            this.amount = new BigDecimal(amount);
            return this;
        }

        Claim creditCode(String code) {
            return new Claim(new TestProject(project.id(), project.jurisdiction(), code)).copyFrom(this);
        }

        private Claim copyFrom(Claim o) {
            category = o.category;
            categorySet = o.categorySet;
            policyKey = o.policyKey;
            capScope = o.capScope;
            cap = o.cap;
            clusterLead = o.clusterLead;
            payers = o.payers;
            certificateNo = o.certificateNo;
            override = o.override;
            year = o.year;
            amount = o.amount;
            return this;
        }

        AwardClaim build() {
            List<FundShare> paidBy = payers != null ? payers
                    : List.of(FundShare.whole(ampleFund(project.jurisdiction(), year), "测试"));
            return new AwardClaim(project.id(), project.jurisdiction(), project.creditCode(), category, categorySet,
                    policyKey, capScope, cap, clusterLead, paidBy, year, amount, certificateNo, override);
        }
    }
}
