// Tasklist additions of 技术改造奖补 (the app's own; listed in config.js customScripts).
//  1. form-js's built-in English messages (validation, and the few texts its viewer shows) in Chinese, as they
//     appear: the exact list below is taken from the form-js viewer bundled with Camunda 7.24 (lib/deps.js). Only a
//     text node (or a placeholder/title/aria-label) inside a form (.fjs-container) whose whole text is one of them is
//     replaced; anything else is left alone.
//  2. Every refusal next to the button the user pressed, in Chinese (.tc-refusal):
//     - the start dialog (发起流程): the server's refusal (shown by Tasklist at the top of the dialog, out of view of
//       the 发起 button) is repeated right above the dialog's buttons;
//     - a task form: a refused 完成 (Tasklist's toast, bottom of the page) is repeated right above the 完成 button;
//     - both: while form-js marks fields as missing or wrong (and so refuses the submission, which Tasklist only
//       reports as "提交任务表单时发生错误"/"流程发起失败。"), the list of those fields' labels with their messages.
//     The toast itself is moved off the buttons by styles/user-styles.css.
//  3. Money: under every money number field a live readout with thousands separators and 万元, e.g.
//     "12,000,000.00 元(1,200.00 万元)". Which fields are money: see MONEY_KEY.
//  4. 我的项目 in the header (navbar plugin), a link to /my-projects/ for everyone signed in.
//  5. Dates and relative times ("3 天后", "几秒前") in the language Tasklist shows (see momentFollowsLanguage).
// Text is set with textContent only, never HTML. No request of its own: the form schemas are read from the
// responses Tasklist itself fetches (deployed-form / deployed-start-form), to know each field's key.

// ---- 1. form-js messages ------------------------------------------------------------------------------------------

/** form-js viewer texts shown exactly as they are (validation first). */
const EXACT = {
  'Field is required.': '此项为必填项。',
  'Field must be a valid  international phone number. (e.g. +4930664040900)': '请填写有效的国际电话号码(如 +4930664040900)。',
  'Field must be a valid email.': '请填写有效的电子邮箱地址。',
  'Value is not a number.': '请填写数字。',
  'Value is expected to be an integer.': '应为整数。',
  'Date and time must both be entered.': '日期和时间须同时填写。',
  'Search': '搜索',
  'Select': '请选择',
  'No results': '无匹配项',
  'All values selected': '已全部选择',
  'Nothing to show.': '暂无数据。',
  'No content to show.': '暂无内容。',
  "External content couldn't be loaded.": '外部内容无法加载。',
  'Add new': '添加一行',
  'Collapse': '收起',
  'Remove tag': '移除',
  'Increment': '增加',
  'Decrement': '减少',
  'Previous page': '上一页',
  'Next page': '下一页'
};

/** form-js viewer texts with a figure or a rule in them (the template literals of its validator and lists). */
const PATTERNS = [
  [/^Field must have minimum value of (.+)\.$/s, m => '数值不能小于 ' + m[1] + '。'],
  [/^Field must have maximum value of (.+)\.$/s, m => '数值不能大于 ' + m[1] + '。'],
  [/^Field must have minimum length of (\d+)\.$/, m => '长度不能少于 ' + m[1] + ' 个字符。'],
  [/^Field must have maximum length of (\d+)\.$/, m => '长度不能超过 ' + m[1] + ' 个字符。'],
  [/^Field must match pattern (.+)\.$/s, m => '格式不符合要求(校验规则:' + m[1] + ')。'],
  [/^Value is expected to have at most (\d+) decimal digits?\.$/, m => '最多 ' + m[1] + ' 位小数。'],
  [/^Please select a valid value, the two nearest valid values are (\S+) and (\S+)\.$/,
    m => '请填写有效值,最接近的两个有效值为 ' + m[1] + ' 和 ' + m[2] + '。'],
  [/^Expand all \((\d+)\)$/, m => '全部展开(' + m[1] + ')'],
  [/^Remove list item (\d+)$/, m => '删除第 ' + m[1] + ' 行'],
  [/^List contains (\d+) items?$/, m => '共 ' + m[1] + ' 行']
];

export function translate(text) {
  if (Object.prototype.hasOwnProperty.call(EXACT, text)) {
    return EXACT[text];
  }
  for (const [re, to] of PATTERNS) {
    const m = re.exec(text);
    if (m) {
      return to(m);
    }
  }
  return null;
}

function translateText(node) {
  const data = node.data;
  const text = data.trim();
  if (!text) {
    return;
  }
  const zh = translate(text);
  if (zh !== null) {
    const start = data.indexOf(text);
    node.data = data.substring(0, start) + zh + data.substring(start + text.length);
  }
}

const ATTRIBUTES = ['placeholder', 'title', 'aria-label'];

function translateForm(container) {
  const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    translateText(n);
  }
  ATTRIBUTES.forEach(a => container.querySelectorAll('[' + a + ']').forEach(e => {
    const zh = translate(e.getAttribute(a));
    if (zh !== null) {
      e.setAttribute(a, zh);
    }
  }));
}

// ---- 3. money -----------------------------------------------------------------------------------------------------

/**
 * A number field is money (in 元) when its key (the last part of its path) is `amount` or `amountExclVat`, or ends
 * with Investment, InvestmentToDate, Amount, Funding, Price, OutputValue or Tax (case as written). In the app's
 * forms these are the planned/actual investments (plannedTotalInvestment, actualRdInvestment, robotInvestment,
 * equipmentInvestment, …), completedInvestmentToDate, the amounts (proposedAmount, loanAmount, clawbackAmount,
 * recoveredAmount, settledAmount, loanDrawnAmount, loanContractAmount, amount, amountExclVat), nationalFunding,
 * purchasePrice and the output value and tax targets/results (targetOutputValue, resultTax, …). Not money, and not
 * matched: counts (passedCount, projectCount), years, scores (score_INVESTMENT, agreedScore), jobs (…NewJobs),
 * energy (…EnergySaved) and percentages (…InvestmentCompletionRate, …DevelopmentContributionRate).
 */
export const MONEY_KEY = /^(amount|amountExclVat)$|(Investment|InvestmentToDate|Amount|Funding|Price|OutputValue|Tax)$/;

/** Field id → key, from the schemas of the forms Tasklist loaded (ids are unique within a form). */
const fieldKeys = new Map();

function learnSchema(schema) {
  const walk = c => (c.components || []).forEach(f => {
    if (f.id && f.key) {
      fieldKeys.set(f.id, f.key);
    }
    walk(f);
  });
  if (schema && typeof schema === 'object') {
    walk(schema);
  }
}

const originalFetch = window.fetch;
window.fetch = function (input) {
  const result = originalFetch.apply(this, arguments);
  const url = typeof input === 'string' ? input : (input && input.url) || '';
  if (/\/deployed-(start-)?form(\?|$)/.test(url)) {
    result.then(r => (r.ok ? r.clone().json() : null)).then(learnSchema).catch(() => {});
  }
  return result;
};

/** The key of a form-js input: its id is fjs-form-<form instance>-<field id>[_<row index>…]. */
function keyOfInput(input) {
  const m = /^fjs-form-[^-]+-(.+)$/.exec(input.id || '');
  if (!m) {
    return null;
  }
  let id = m[1];
  while (!fieldKeys.has(id) && /_\d+$/.test(id)) {
    id = id.replace(/_\d+$/, '');
  }
  const key = fieldKeys.get(id);
  return key ? key.split('.').pop() : null;
}

/** Rounds the decimal string to units of 10^-k (half-up, as BigDecimal HALF_UP): a BigInt, or null if not a number. */
function scaled(text, k) {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(text.trim());
  if (!m || !(m[2] || m[3])) {
    return null;
  }
  const fraction = m[3] || '';
  let digits = BigInt((m[2] || '0') + fraction);
  const shift = k - fraction.length;
  if (shift >= 0) {
    digits *= 10n ** BigInt(shift);
  } else {
    const d = 10n ** BigInt(-shift);
    digits = (digits + d / 2n) / d;
  }
  return m[1] === '-' ? -digits : digits;
}

function grouped(hundredths) {
  const negative = hundredths < 0n;
  const abs = negative ? -hundredths : hundredths;
  const whole = (abs / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const cents = (abs % 100n).toString().padStart(2, '0');
  return (negative ? '-' : '') + whole + '.' + cents;
}

/** "12,000,000.00 元(1,200.00 万元)" for "12000000", or '' when the text is not a number. */
export function moneyReadout(text) {
  // form-js takes a comma for the decimal point, as here.
  const figure = String(text).replace(/,/g, '.');
  const yuan = scaled(figure, 2);
  if (yuan === null) {
    return '';
  }
  const wan = scaled(figure, -2);
  return grouped(yuan) + ' 元(' + grouped(wan) + ' 万元)';
}

function moneyReadouts(container) {
  container.querySelectorAll('.fjs-form-field-number input.fjs-input').forEach(input => {
    const key = keyOfInput(input);
    if (!key || !MONEY_KEY.test(key)) {
      return;
    }
    const group = input.closest('.fjs-input-group') || input.parentElement;
    let readout = group.nextElementSibling;
    if (!readout || !readout.classList.contains('tc-money-readout')) {
      readout = document.createElement('div');
      readout.className = 'tc-money-readout';
      readout.setAttribute('aria-live', 'polite');
      group.after(readout);
    }
    const text = moneyReadout(input.value);
    if (readout.textContent !== text) {
      readout.textContent = text;
    }
  });
}

// ---- 2. refusals next to the button -------------------------------------------------------------------------------

function fieldLabel(field) {
  const label = field.querySelector('.fjs-form-field-label');
  if (!label) {
    return '未命名字段';
  }
  let text = '';
  label.childNodes.forEach(n => {
    if (!(n.nodeType === Node.ELEMENT_NODE && n.classList.contains('fjs-asterix'))) {
      text += n.textContent;
    }
  });
  return text.trim() || '未命名字段';
}

/** "计划总投资(数值不能小于 0.01)" for each field form-js marks in the container. */
function markedFields(container) {
  const out = [];
  container.querySelectorAll('.fjs-form-field-error').forEach(error => {
    const field = error.closest('.fjs-form-field');
    if (!field) {
      return;
    }
    const messages = Array.from(error.querySelectorAll('li')).map(li => li.textContent.trim().replace(/。$/, ''))
      .filter(Boolean);
    out.push(fieldLabel(field) + (messages.length ? '(' + messages.join(';') + ')' : ''));
  });
  return out;
}

/** A notification's message (the server's refusal, "提交被拒绝:…"), or its status when it has none. */
function alertText(alert) {
  const status = alert.querySelector('.status');
  const message = alert.querySelector('.message');
  const m = message ? message.textContent.trim() : '';
  return m || (status ? status.textContent.trim() : '');
}

function isError(alert) {
  return alert.classList.contains('alert-danger') || alert.classList.contains('alert-error');
}

/** The refusal box in `place` (before its first child), created once, updated only when its text changes. */
function refusalBox(place, serverText, fields) {
  let box = place.querySelector(':scope > .tc-refusal');
  if (!serverText && !fields.length) {
    if (box) {
      box.remove();
    }
    return;
  }
  if (!box) {
    box = document.createElement('div');
    box.className = 'tc-refusal';
    box.setAttribute('role', 'alert');
    place.prepend(box);
  }
  const lines = [];
  if (serverText) {
    lines.push(['tc-refusal-server', serverText]);
  }
  if (fields.length) {
    lines.push(['tc-refusal-fields', '以下字段未填写或填写有误,请更正后再提交:' + fields.join(';')]);
  }
  const current = Array.from(box.children).map(p => p.className + '|' + p.textContent).join('\n');
  if (current !== lines.map(l => l.join('|')).join('\n')) {
    box.replaceChildren(...lines.map(([cls, text]) => {
      const p = document.createElement('p');
      p.className = cls;
      p.textContent = text;
      return p;
    }));
  }
}

/** Error alerts shown after the user's last press of the button (those before it are marked as seen). */
function freshErrors(panel) {
  if (!panel) {
    return '';
  }
  const alerts = Array.from(panel.querySelectorAll('.alert')).filter(a => isError(a) && !a.hasAttribute('data-tc-seen'));
  return alerts.map(alertText).filter(Boolean).join(';');
}

function markSeen(panel) {
  if (panel) {
    panel.querySelectorAll('.alert').forEach(a => a.setAttribute('data-tc-seen', ''));
  }
}

function startDialogs() {
  document.querySelectorAll('.modal-content').forEach(modal => {
    const footer = modal.querySelector('.modal-footer');
    if (!footer) {
      return;
    }
    const form = modal.querySelector('.fjs-container');
    if (!form) {
      refusalBox(footer, '', []);
      return;
    }
    refusalBox(footer, freshErrors(modal.querySelector('.modal-body .notifications')), markedFields(form));
  });
}

function taskForms() {
  const toast = document.querySelector('.page-notifications');
  document.querySelectorAll('[cam-tasklist-form]').forEach(host => {
    if (host.closest('.modal-content')) {
      return;
    }
    const actions = host.querySelector('.form-actions');
    const form = host.querySelector('.fjs-container');
    if (!actions) {
      return;
    }
    if (!form) {
      refusalBox(actions, '', []);
      return;
    }
    const pressed = host.hasAttribute('data-tc-pressed');
    refusalBox(actions, pressed ? freshErrors(toast) : '', markedFields(form));
  });
}

document.addEventListener('click', event => {
  const button = event.target.closest && event.target.closest('button.btn-primary');
  if (!button) {
    return;
  }
  const modal = button.closest('.modal-content');
  if (modal && button.closest('.modal-footer')) {
    markSeen(modal.querySelector('.modal-body .notifications'));
    return;
  }
  const host = button.closest('[cam-tasklist-form]');
  if (host && button.closest('.form-actions')) {
    markSeen(document.querySelector('.page-notifications'));
    host.setAttribute('data-tc-pressed', '');
  }
}, true);

// ---- the scan, on every change of the page ------------------------------------------------------------------------

let observer = null;
let scheduled = false;
const WATCH = { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ATTRIBUTES };

function scan() {
  scheduled = false;
  observer.disconnect();
  try {
    document.querySelectorAll('.fjs-container').forEach(form => {
      translateForm(form);
      moneyReadouts(form);
    });
    startDialogs();
    taskForms();
  } finally {
    observer.observe(document.body, WATCH);
  }
}

function schedule() {
  if (!scheduled) {
    scheduled = true;
    Promise.resolve().then(scan);
  }
}

function start() {
  observer = new MutationObserver(schedule);
  observer.observe(document.body, WATCH);
  // A typed figure changes an input's value, not the DOM.
  ['input', 'change'].forEach(type => document.addEventListener(type, schedule, true));
  schedule();
}

if (document.body) {
  start();
} else {
  document.addEventListener('DOMContentLoaded', start);
}

// ---- 5. Dates in Chinese -------------------------------------------------------------------------------------------
// The webapp gives moment.js each loaded locale file's dateLocales with defineLocale/updateLocale, and each call also
// makes that locale the global one: the fallback 'en' file, loaded after 'zh', wins, and the cards read "in 14 days",
// "a few seconds ago". Once the webapp runs, put moment back on the language Tasklist shows (angular-moment's
// amMoment, which also refreshes the relative times on screen), whenever translations load or change.

function momentFollowsLanguage() {
  const angular = window.angular;
  const injector = angular && angular.element(document.body).injector && angular.element(document.body).injector();
  if (!injector) {
    return false;
  }
  const $translate = injector.get('$translate');
  const moment = injector.get('moment');
  const amMoment = injector.get('amMoment');
  const align = () => {
    const language = $translate.use() || $translate.proposedLanguage();
    if (language && moment.locales().indexOf(language) >= 0 && moment.locale() !== language) {
      amMoment.changeLocale(language);
    }
  };
  const $rootScope = injector.get('$rootScope');
  ['$translateLoadingEnd', '$translateChangeSuccess'].forEach(e => $rootScope.$on(e, () => setTimeout(align, 0)));
  [0, 300, 1000, 3000].forEach(ms => setTimeout(align, ms));
  return true;
}

function whenWebappRuns(attempt) {
  if (!momentFollowsLanguage() && attempt < 100) {
    setTimeout(() => whenWebappRuns(attempt + 1), 100);
  }
}

whenWebappRuns(0);

// ---- 4. 我的项目 --------------------------------------------------------------------------------------------------

const myProjects = {
  id: 'tc-my-projects',
  pluginPoint: 'tasklist.navbar.action',
  priority: 200,
  render(node) {
    const a = document.createElement('a');
    a.href = '/my-projects/';
    a.className = 'tc-my-projects-link';
    a.title = '我的项目';
    const icon = document.createElement('span');
    icon.className = 'glyphicon glyphicon-folder-open';
    icon.setAttribute('aria-hidden', 'true');
    a.append(icon, ' 我的项目');
    node.replaceChildren(a);
  }
};

export default [myProjects];
