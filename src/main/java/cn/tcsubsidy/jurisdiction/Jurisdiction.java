package cn.tcsubsidy.jurisdiction;

/** A jurisdiction (辖区) and engine tenant: its code is the tenant id. */
public record Jurisdiction(String code, String name, String policyName) {
}
