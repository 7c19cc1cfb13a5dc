package cn.tcsubsidy.engine;

import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/**
 * A system step inside the engine command that runs it (a delegate, a listener, a round step): without the
 * signed-in user's authorizations, as no business role may correlate messages, write variables or grant; the
 * tenant check stays. Outside an engine command there is nothing to run it in.
 */
public final class AsSystem {

    private AsSystem() {
    }

    public static void run(Runnable step) {
        CommandContext ctx = Context.getCommandContext();
        if (ctx == null) {
            throw new IllegalStateException("a system step runs inside an engine command");
        }
        ctx.runWithoutAuthorization(() -> {
            step.run();
            return null;
        });
    }
}
