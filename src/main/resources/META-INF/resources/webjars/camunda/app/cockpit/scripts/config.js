// Cockpit's configuration, served from the app in place of the webjar's (same path, the app's resources first).
// The plugin module (tc-cockpit.js) adds the bottleneck overlays and tab, the project instances tab and the
// jurisdiction's year on the dashboard; it reads the app's /api with the signed-in webapp session.
export default {
  customScripts: ['scripts/tc-cockpit'],
  disableWelcomeMessage: true
};
