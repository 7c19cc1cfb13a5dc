package cn.tcsubsidy.evidence.domain;

/** What a scan is evidence of. The label is what users read. */
public enum EvidenceKind {
    INVOICE("增值税发票"),
    CERTIFICATE("认定证书或文件"),
    LOAN_CONTRACT("贷款合同"),
    ENTRUSTED_AGREEMENT("委托支付协议"),
    OTHER("其他证明材料");

    private final String label;

    EvidenceKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
