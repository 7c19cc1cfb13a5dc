package cn.tcsubsidy.engine.feel;

import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.FeelEngineFactory;
import org.camunda.bpm.dmn.feel.impl.scala.function.FeelCustomFunctionProvider;

/**
 * Makes the DMN engine's {@link CachingFeelEngine}, once per DMN engine (the DMN engine configuration asks for it once,
 * when the engine is built). The custom function providers are read at that moment, from the supplier, so that
 * providers the process engine sets on the DMN configuration after this factory is installed still apply, as they would
 * with Camunda's own ScalaFeelEngineFactory.
 */
public final class CachingFeelEngineFactory implements FeelEngineFactory {

    private final Supplier<List<FeelCustomFunctionProvider>> functionProviders;

    public CachingFeelEngineFactory(Supplier<List<FeelCustomFunctionProvider>> functionProviders) {
        this.functionProviders = functionProviders;
    }

    @Override
    public FeelEngine createInstance() {
        return new CachingFeelEngine(functionProviders.get());
    }
}
