package cn.tcsubsidy.engine.guard;

/** Where the command guard reports what it refused and what an administrator did (the security log). */
public interface RefusalLog {

    void refused(String userId, String what);

    void administrativeAction(String userId, String what);

    /** Until the application's security log is there (engine start), the server log. */
    RefusalLog SERVER_LOG = new RefusalLog() {
        private final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger("tc.security");

        @Override
        public void refused(String userId, String what) {
            log.warn("refused {}: {}", userId, what);
        }

        @Override
        public void administrativeAction(String userId, String what) {
            log.info("administrator {}: {}", userId, what);
        }
    };
}
