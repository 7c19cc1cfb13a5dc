package cn.tcsubsidy.standing.domain;

/** Why an enterprise is on its jurisdiction's standing list, with the rule of the source that bars its award. */
public enum StandingKind {
    /** 联合惩戒、信用约束 (失信主体等), e.g. published on 信用中国 / 信用济源. */
    CREDIT_SANCTION("联合惩戒/信用约束"),
    /** 济政〔2017〕27号《济源市化解过剩产能攻坚方案》 三(五): 未按期完成产能退出任务的企业……在资金支持等方面实施联合惩戒和信用约束. */
    MISSED_CAPACITY_EXIT("未按期完成产能退出任务"),
    /** 济兖政字〔2020〕14号 五、1: 信用良好,近三年内未发生重大违法违规行为. */
    MAJOR_VIOLATION("重大违法违规行为");

    private final String label;

    StandingKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
