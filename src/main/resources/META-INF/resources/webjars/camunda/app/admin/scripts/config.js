// This webapp's configuration, served from the app in place of the webjar's (same path, the app's resources first).
// Chinese (locales/zh.json) for a browser whose language is Chinese (zh-CN → zh), English otherwise.
export default {
  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'en'
  }
};
