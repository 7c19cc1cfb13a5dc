package cn.tcsubsidy.payment.domain;

/** A payee row's life: recorded (filing or change), confirmed by the bureau (核实), superseded by a change. */
public enum PayeeStatus {
    RECORDED("待工信局核实"),
    CONFIRMED("已核实"),
    SUPERSEDED("已变更作废");

    private final String label;

    PayeeStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
