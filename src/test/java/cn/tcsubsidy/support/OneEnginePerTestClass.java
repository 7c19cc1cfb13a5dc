package cn.tcsubsidy.support;

import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * Closes each Spring test context after its class. Every context starts an engine named "default", and /engine-rest
 * finds its engine by that name in a JVM-wide registry: with two contexts alive, REST calls could reach the other
 * context's engine and database. Registered for every Spring test in META-INF/spring.factories.
 */
public class OneEnginePerTestClass extends AbstractTestExecutionListener {

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void afterTestClass(TestContext testContext) {
        testContext.markApplicationContextDirty(null);
    }
}
