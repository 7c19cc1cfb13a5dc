package cn.tcsubsidy.engine;

import java.util.List;

/**
 * The jurisdictions the engine knows as tenants. They are also rows of table jurisdiction; the engine needs them
 * before the database is read (tenant provider, model deployment), so they are listed here once.
 */
public final class Tenants {

    public static final List<String> ALL = List.of("hekou", "huanggang", "yanzhou", "jiyuan", "liaocheng");

    private Tenants() {
    }
}
