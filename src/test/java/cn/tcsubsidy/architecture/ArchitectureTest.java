package cn.tcsubsidy.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import cn.tcsubsidy.filing.api.FilingStartForm;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

/** The package rules of docs/architecture.md (Packages), over the application's classes (tests excluded). */
@AnalyzeClasses(packages = "cn.tcsubsidy", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** Every package, sub-packages apart: {@code award.quote}, {@code award.quote.process}, {@code project.domain} … */
    @ArchTest
    static final ArchRule packagesAreFreeOfCycles = slices().matching("cn.tcsubsidy.(**)")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule domainCodeDoesNotKnowCamunda = noClasses().that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().resideInAPackage("org.camunda..");

    /**
     * Only the engine's own package, the identities and each feature's process code talk to Camunda, and the named
     * exceptions with their reason.
     */
    @ArchTest
    static final ArchRule onlyProcessCodeTalksToTheEngine = noClasses()
            .that().resideOutsideOfPackages("cn.tcsubsidy.engine..", "cn.tcsubsidy.identity..", "..process..",
                    // Operators' view of the engine: job executor health, the DMN engine's timing plugin, the
                    // scraper's user in the engine's identities. Watching the engine is the package's purpose.
                    "cn.tcsubsidy.monitoring..",
                    // The demo profile only (./mvnw spring-boot:run): it files, submits and moves the engine's clock
                    // as the demo's users would, through the engine's services; never in the packaged jar's runs.
                    "cn.tcsubsidy.demo..",
                    // The application's root: the application class and EngineAssembly, which joins the features'
                    // engine extensions to the engine's configuration.
                    "cn.tcsubsidy")
            // The filing's start form is the engine's own download (…/deployed-start-form), adapted per user with
            // the user's tenants from the engine's identities: a servlet filter over an engine resource.
            .and().doNotBelongToAnyOf(FilingStartForm.class)
            .should().dependOnClassesThat().resideInAPackage("org.camunda..");

    /** The engine's package is below every feature: the features' engine extensions are joined in EngineAssembly. */
    @ArchTest
    static final ArchRule engineKnowsNoFeature = classes().that().resideInAPackage("cn.tcsubsidy.engine..")
            .should().onlyDependOnClassesThat(resideOutsideOfPackage("cn.tcsubsidy..")
                    .or(resideInAnyPackage("cn.tcsubsidy.engine..", "cn.tcsubsidy.shared..")));

    /** The shared vocabulary (money, roles, credit codes, refusals) knows no feature. */
    @ArchTest
    static final ArchRule sharedKnowsNoFeature = classes().that().resideInAPackage("cn.tcsubsidy.shared..")
            .should().onlyDependOnClassesThat(resideOutsideOfPackage("cn.tcsubsidy..")
                    .or(resideInAPackage("cn.tcsubsidy.shared..")));

    /** The shared vocabulary is plain Java and Spring: no engine types in what every domain package uses. */
    @ArchTest
    static final ArchRule sharedDoesNotKnowCamunda = noClasses().that().resideInAPackage("cn.tcsubsidy.shared..")
            .should().dependOnClassesThat(not(resideOutsideOfPackage("org.camunda..")));

    /**
     * The API layer (controllers and the {@code api} packages) reads and writes through its own feature's services and
     * repositories: another feature's data comes through that feature's service, which applies its rules and checks.
     * A feature is the first package below {@code cn.tcsubsidy} ({@code award} for {@code award.quote},
     * {@code award.ledger} …).
     */
    @ArchTest
    static final ArchRule apiDoesNotReachIntoAnotherFeaturesRepository = classes()
            .that().resideInAPackage("..api..")
            .or().areAnnotatedWith(RestController.class).or().areAnnotatedWith(Controller.class)
            .should(new ArchCondition<JavaClass>("use no repository of another feature") {
                @Override
                public void check(JavaClass api, ConditionEvents events) {
                    for (Dependency d : api.getDirectDependenciesFromSelf()) {
                        JavaClass target = d.getTargetClass();
                        if (target.getSimpleName().endsWith("Repository") && target.getPackageName().startsWith(ROOT)
                                && !feature(target).equals(feature(api))) {
                            events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                        }
                    }
                }
            });

    private static final String ROOT = "cn.tcsubsidy.";

    private static String feature(JavaClass c) {
        String rest = c.getPackageName().startsWith(ROOT) ? c.getPackageName().substring(ROOT.length()) : "";
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }
}
