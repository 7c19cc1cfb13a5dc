// Cockpit's configuration, served from the app in place of the webjar's (same path, the app's resources first).
// The plugin module (tc-cockpit.js) adds the bottleneck overlays and tab, the project instances tab and the
// jurisdiction's year on the dashboard; it reads the app's /api with the signed-in webapp session.
// Chinese (locales/zh.json) for a browser whose language is Chinese (zh-CN → zh), English otherwise.
export default {
  customScripts: ['scripts/tc-cockpit'],
  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'en'
  },
  disableWelcomeMessage: true
};
