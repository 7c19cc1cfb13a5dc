package cn.tcsubsidy.award.ledger;

import cn.tcsubsidy.filing.domain.CreditCode;
import cn.tcsubsidy.project.domain.NewProject;
import cn.tcsubsidy.project.domain.ProjectRepository;
import cn.tcsubsidy.project.domain.Stage;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Enterprises, projects, test funds and claims for the ledger's tests. Every enterprise and fund is new, so tests
 * sharing one database (the H2 context is shared between classes) never see each other's awards.
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

    private final ProjectRepository projects;
    private final JdbcClient jdbc;

    LedgerFixture(ProjectRepository projects, JdbcClient jdbc) {
        this.projects = projects;
        this.jdbc = jdbc;
    }

    Enterprise enterprise(String jurisdiction) {
        return new Enterprise(jurisdiction,
                CreditCode.withCheckCharacter(String.format("9137%013d", SEQUENCE.incrementAndGet())));
    }

    TestProject project(Enterprise e) {
        long n = SEQUENCE.incrementAndGet();
        long id = projects.insert(new NewProject(e.jurisdiction(), UNIT.get(e.jurisdiction()), "测试企业" + e.creditCode(),
                e.creditCode(), String.format("2020-370503-34-03-%06d", n), "技改项目" + n, "EQUIPMENT", new BigDecimal("9000000"), new BigDecimal("7000000"),
                BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, null, LocalDate.of(2020, 3, 1),
                LocalDate.of(2020, 12, 31)), Stage.AWARD_DECISION, "test");
        return new TestProject(id, e.jurisdiction(), e.creditCode());
    }

    /** A fund of its own with the given budget for {@link #TEST_YEAR}; returns its fund code. */
    String fund(String jurisdiction, String amount) {
        String code = "test-" + SEQUENCE.incrementAndGet();
        jdbc.sql("""
                insert into fund_budget (jurisdiction_code, fund_code, budget_year, fund_name, amount, basis)
                values (:j, :f, :y, :name, :amount, '测试')
                """)
                .param("j", jurisdiction).param("f", code).param("y", TEST_YEAR).param("name", "测试专项资金" + code)
                .param("amount", new BigDecimal(amount)).update();
        return code;
    }

    static Claim claim(TestProject p) {
        return new Claim(p);
    }

    /** A claim with the jurisdiction's usual shape, each part changeable. */
    static final class Claim {
        private final TestProject project;
        private String category;
        private Set<String> categorySet;
        private String policyKey;
        private String capScope;
        private BigDecimal cap;
        private boolean clusterLead;
        private String fund;
        private int year = 2021;
        private BigDecimal amount = new BigDecimal("100000");

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
            this.fund = fundCode;
            this.year = year;
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
            fund = o.fund;
            year = o.year;
            amount = o.amount;
            return this;
        }

        AwardClaim build() {
            return new AwardClaim(project.id(), project.jurisdiction(), project.creditCode(), category, categorySet,
                    policyKey, capScope, cap, clusterLead, fund, year, amount);
        }
    }
}
