// Tasklist's configuration, served from the app in place of the webjar's (same path, the app's resources first).
// Chinese (locales/zh.json) for a browser whose language is Chinese (the webapp matches the language's first part:
// zh-CN → zh), English otherwise; dates in Chinese through the locale's dateLocales.
// The app's script (tc-tasklist.js): form-js's messages in Chinese, refusals next to the button pressed, money
// readouts (元 and 万元) and the 我的项目 link in the header.
export default {
  customScripts: ['scripts/tc-tasklist'],
  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'en'
  },
  // The webjar's keyboard shortcuts, unchanged.
  shortcuts: {
    claimTask: { key: 'ctrl+alt+c', description: '认领当前选中的任务' },
    focusFilter: { key: 'ctrl+shift+f', description: '焦点移到第一个过滤器' },
    focusList: { key: 'ctrl+alt+l', description: '焦点移到任务列表的第一个任务' },
    focusForm: { key: 'ctrl+alt+f', description: '焦点移到任务表单的第一个输入框' },
    startProcess: { key: 'ctrl+alt+p', description: '打开发起流程对话框' }
  }
};
