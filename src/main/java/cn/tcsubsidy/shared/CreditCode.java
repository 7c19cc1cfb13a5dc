package cn.tcsubsidy.shared;

/**
 * Unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters from a 31-character alphabet,
 * the last a check character computed from the first 17 with weights 3^i mod 31. The check character alone accepts
 * codes no authority issues ({@code 000000000000000000}), so the structure is checked too: the registering
 * authority (登记管理部门代码, 1–9, A, N or Y), a six-digit administrative division code (行政区划码) that is not all
 * zeros, and an entity identifier (主体标识码) that is not all zeros.
 */
public final class CreditCode {

    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final String AUTHORITIES = "123456789ANY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private CreditCode() {
    }

    public static boolean isValid(String code) {
        if (code == null || code.length() != 18 || AUTHORITIES.indexOf(code.charAt(0)) < 0) {
            return false;
        }
        String division = code.substring(2, 8);
        if (!division.matches("[0-9]{6}") || division.equals("000000") || code.substring(8, 17).equals("000000000")) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int v = ALPHABET.indexOf(code.charAt(i));
            if (v < 0) {
                return false;
            }
            sum += v * WEIGHTS[i];
        }
        int check = (31 - sum % 31) % 31;
        return code.charAt(17) == ALPHABET.charAt(check);
    }

    /** Completes 17 characters with their check character (used to make demo and test codes). */
    public static String withCheckCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += ALPHABET.indexOf(first17.charAt(i)) * WEIGHTS[i];
        }
        return first17 + ALPHABET.charAt((31 - sum % 31) % 31);
    }
}
