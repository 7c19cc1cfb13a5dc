package cn.tcsubsidy.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The JMH benchmark runs to the end and gives a figure per benchmark (not a timing assertion): in this JVM (no fork),
 * one warm-up and one measurement of 100 ms each, the app's FEEL engine only. Its setup also checks that the table
 * and the hand-written function agree on every case, which fails the run otherwise.
 */
class DmnAwardJmhSmokeTest {

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void eachBenchmarkGivesAFigure() throws Exception {
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .include(DmnAwardJmh.class.getName() + "\\.")
                .param("feel", "caching")
                .mode(Mode.AverageTime)
                .forks(0)
                .warmupIterations(1)
                .warmupTime(TimeValue.milliseconds(100))
                .measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(100))
                .shouldFailOnError(true)
                .build()).run();

        Map<String, Double> scores = new TreeMap<>();
        for (RunResult r : results) {
            assertThat(r.getParams().getParam("feel")).isEqualTo("caching");
            scores.put(r.getParams().getBenchmark().replace(DmnAwardJmh.class.getName() + ".", ""),
                    r.getPrimaryResult().getScore());
        }
        assertThat(scores).containsOnlyKeys("dmnTcAward", "handWritten");
        assertThat(scores.values()).allSatisfy(score -> assertThat(score).isPositive().isFinite());
        assertThat(DmnAwardJmh.summary(results)).singleElement().asString()
                .startsWith("feel=caching").contains("avgt: dmn ", "hand ", "ratio ");
    }
}
