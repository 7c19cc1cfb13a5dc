// Cockpit plugins of 技术改造奖补 (the app's own; listed in config.js customScripts).
//  - tc-bottleneck-overlay  cockpit.processDefinition.diagram.plugin: per activity how many wait now, median and
//                           90th-percentile waiting time, overdue tasks; coloured by severity like a heatmap.
//  - tc-bottleneck-tab      cockpit.processDefinition.runtime.tab "瓶颈分析": the same per stage, weekly
//                           throughput and waiting time, per recommending unit and per reviewer.
//  - tc-project-instances   cockpit.processDefinition.runtime.tab "项目实例": running instances with the project.
//  - tc-year-dashboard      cockpit.dashboard: the jurisdiction's year (projects per stage, award decided/paid
//                           against the budget) and the town scoreboard (镇街目标考核).
// Data: the app's GET /api/... with the webapp session (ApiAuthenticationFilter); a user sees only their own
// tenants' figures, checked on the server. Text is set with textContent only, never HTML from data.

const FILTER_EVENT = 'tc-bottleneck-filter';
const FILTER_KEY = 'tc-bottleneck-filter';
const SEVERITY_COLOUR = { HIGH: '#c9302c', MEDIUM: '#ec971f', LOW: '#449d44', NONE: '#999999' };
const SEVERITY_NAME = { HIGH: '严重', MEDIUM: '较慢', LOW: '正常', NONE: '无数据' };

function el(tag, attrs, children) {
  const e = document.createElement(tag);
  Object.entries(attrs || {}).forEach(([k, v]) => {
    if (k === 'style') {
      e.style.cssText = v;
    } else if (k === 'text') {
      e.textContent = v;
    } else if (k.startsWith('on')) {
      e.addEventListener(k.substring(2), v);
    } else if (v !== undefined && v !== null) {
      e.setAttribute(k, v);
    }
  });
  (children || []).forEach(c => e.appendChild(typeof c === 'string' ? document.createTextNode(c) : c));
  return e;
}

function svg(tag, attrs) {
  const e = document.createElementNS('http://www.w3.org/2000/svg', tag);
  Object.entries(attrs || {}).forEach(([k, v]) => e.setAttribute(k, v));
  return e;
}

async function getJson(url) {
  const r = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  let body = null;
  try {
    body = await r.json();
  } catch (e) {
    body = null;
  }
  if (!r.ok) {
    const message = body && (body.message || (body.errors && body.errors.map(x => x.message).join(';')));
    throw new Error(message || ('请求失败(HTTP ' + r.status + ')'));
  }
  return body;
}

function hours(h) {
  if (h === null || h === undefined) {
    return '—';
  }
  const n = Number(h);
  return n >= 48 ? (n / 24).toFixed(1) + ' 天' : n.toFixed(1) + ' 小时';
}

function money(v) {
  if (v === null || v === undefined || v === '') {
    return '—';
  }
  const n = Number(v);
  return (n / 10000).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 }) + ' 万元';
}

function percent(v) {
  return v === null || v === undefined ? '—' : (Number(v) * 100).toFixed(1) + '%';
}

/** One filter listener per plugin (the last rendered view's); a new render or an unmount replaces it. */
const listeners = {};
function listen(name, handler) {
  if (listeners[name]) {
    window.removeEventListener(FILTER_EVENT, listeners[name]);
  }
  listeners[name] = handler;
  if (handler) {
    window.addEventListener(FILTER_EVENT, handler);
  }
}

function savedFilter() {
  try {
    return JSON.parse(sessionStorage.getItem(FILTER_KEY)) || {};
  } catch (e) {
    return {};
  }
}

function saveFilter(f) {
  sessionStorage.setItem(FILTER_KEY, JSON.stringify(f));
  window.dispatchEvent(new CustomEvent(FILTER_EVENT, { detail: f }));
}

let me = null;
function currentUser() {
  if (!me) {
    me = getJson('/api/me').catch(e => {
      me = null;
      throw e;
    });
  }
  return me;
}

const definitions = {};
function definition(api, id) {
  if (!definitions[id]) {
    definitions[id] = getJson(api.engineApi + '/process-definition/' + encodeURIComponent(id));
  }
  return definitions[id];
}

/** The jurisdiction a definition's figures are for: its tenant, or (a shared one) the filter's or the user's first. */
async function jurisdictionsFor(api, processDefinitionId) {
  const [def, user] = await Promise.all([definition(api, processDefinitionId), currentUser()]);
  const own = user.jurisdictions || [];
  const choices = def.tenantId ? own.filter(j => j.code === def.tenantId) : own;
  return { def, choices };
}

function reportUrl(key, f) {
  const q = new URLSearchParams({ jurisdiction: f.jurisdiction, processDefinitionKey: key });
  if (f.year) {
    q.set('year', f.year);
  }
  if (f.unit) {
    q.set('unit', f.unit);
  }
  return '/api/bottlenecks?' + q.toString();
}

/** The filter bar: jurisdiction (own tenants only), year, recommending unit. Calls onChange with the new filter. */
function filterBar(choices, units, filter, onChange) {
  const jur = el('select', { 'aria-label': '辖区', class: 'form-control input-sm', style: 'display:inline-block;width:auto' },
    choices.map(j => el('option', { value: j.code, text: j.name })));
  jur.value = filter.jurisdiction;
  const thisYear = new Date().getFullYear();
  const years = [el('option', { value: '', text: '全部年度' })];
  for (let y = thisYear; y >= thisYear - 6; y--) {
    years.push(el('option', { value: String(y), text: y + ' 年' }));
  }
  const year = el('select', { 'aria-label': '年度', class: 'form-control input-sm', style: 'display:inline-block;width:auto' }, years);
  year.value = filter.year || '';
  const unitOptions = [el('option', { value: '', text: '全部推荐单位' })].concat(
    (units || []).map(u => el('option', { value: u.unit, text: u.unitName })));
  const unit = el('select', { 'aria-label': '推荐单位', class: 'form-control input-sm', style: 'display:inline-block;width:auto' }, unitOptions);
  unit.value = filter.unit || '';
  const changed = () => onChange({ jurisdiction: jur.value, year: year.value, unit: unit.value });
  [jur, year, unit].forEach(s => s.addEventListener('change', changed));
  return el('span', { class: 'tc-filter' }, [jur, ' ', year, ' ', unit]);
}

const STYLE = `
.tc-bn-overlay { font: 10px/1.2 "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; color: #fff; padding: 2px 5px;
  border-radius: 3px; white-space: nowrap; max-width: 100px; overflow: hidden; box-shadow: 0 1px 2px rgba(0,0,0,.3); pointer-events: none; }
.tc-bn-panel { position: absolute; top: 6px; left: 36px; z-index: 10; background: rgba(255,255,255,.92);
  border: 1px solid #ccc; border-radius: 4px; padding: 3px 6px; font-size: 12px; }
.tc-bn-panel select { height: 24px; padding: 0 4px; font-size: 12px; }
.tc-bn-panel .tc-legend { display: inline-block; margin-left: 6px; }
.tc-bn-panel .tc-legend span { display: inline-block; margin-right: 8px; }
.tc-bn-panel .tc-legend i { display: inline-block; width: 10px; height: 10px; margin-right: 3px; vertical-align: -1px; }
.djs-element.tc-heat-HIGH .djs-visual > :first-child { fill: rgba(201,48,44,.22) !important; }
.djs-element.tc-heat-MEDIUM .djs-visual > :first-child { fill: rgba(236,151,31,.22) !important; }
.djs-element.tc-heat-LOW .djs-visual > :first-child { fill: rgba(68,157,68,.15) !important; }
.tc-tab table { margin-bottom: 18px; }
.tc-tab h4 { margin-top: 18px; }
.tc-tab .tc-note { color: #666; font-size: 12px; }
.tc-sev { display: inline-block; padding: 0 6px; border-radius: 3px; color: #fff; font-size: 11px; }
.tc-error { color: #a94442; }
.tc-stages { display: flex; flex-wrap: wrap; gap: 6px; margin: 8px 0 14px; }
.tc-stage { border: 1px solid #d0d7de; border-radius: 4px; padding: 4px 8px; min-width: 118px; font-size: 12px; background: #fff; }
.tc-stage.tc-zero { color: #999; }
.tc-stage-n { font-size: 20px; font-weight: bold; }
.tc-bar { position: relative; height: 12px; background: #eee; border-radius: 3px; max-width: 600px; margin-bottom: 8px; }
.tc-bar > div { position: absolute; left: 0; top: 0; height: 12px; border-radius: 3px; }
.tc-bar-decided { background: #9ecae1; }
.tc-bar-paid { background: #3182bd; }
`;

function ensureStyle() {
  if (!document.getElementById('tc-cockpit-style')) {
    document.head.appendChild(el('style', { id: 'tc-cockpit-style', text: STYLE }));
  }
}

function initialFilter(choices) {
  const f = savedFilter();
  if (!choices.some(j => j.code === f.jurisdiction)) {
    f.jurisdiction = choices.length ? choices[0].code : '';
    f.unit = '';
  }
  return f;
}

// ---------------------------------------------------------------- diagram overlays
const overlayPlugin = {
  id: 'tc-bottleneck-overlay',
  pluginPoint: 'cockpit.processDefinition.diagram.plugin',
  priority: 5,
  render: (viewer, { api, processDefinitionId }) => {
    ensureStyle();
    const overlays = viewer.get('overlays');
    const canvas = viewer.get('canvas');
    const registry = viewer.get('elementRegistry');
    const container = canvas.getContainer();
    const panel = el('div', { class: 'tc-bn-panel', 'data-tc': 'bottleneck-panel' }, [el('span', { text: '瓶颈分析加载中…' })]);
    container.appendChild(panel);
    let key = null;
    let choices = [];
    let filter = {};
    let markers = [];

    const draw = report => {
      overlays.remove({ type: 'tc-bottleneck' });
      markers.forEach(([id, m]) => canvas.removeMarker(id, m));
      markers = [];
      Object.values(report.result.activities).forEach(a => {
        if (!registry.get(a.activityId) || a.severity === 'NONE') {
          return;
        }
        const text = [
          el('div', { text: '等待' + a.waiting + ' 逾期' + a.overdue }),
          el('div', { text: '中位' + hours(a.medianWaitHours).replace(' ', '') }),
          el('div', { text: 'P90 ' + hours(a.p90WaitHours).replace(' ', '') })
        ];
        const box = el('div', {
          class: 'tc-bn-overlay', 'data-activity': a.activityId, 'data-severity': a.severity,
          title: a.name + ':' + SEVERITY_NAME[a.severity],
          style: 'background:' + SEVERITY_COLOUR[a.severity]
        }, text);
        overlays.add(a.activityId, 'tc-bottleneck', { position: { top: -40, left: 0 }, scale: { min: 0.6 }, html: box });
        canvas.addMarker(a.activityId, 'tc-heat-' + a.severity);
        markers.push([a.activityId, 'tc-heat-' + a.severity]);
      });
    };

    const load = async () => {
      panel.replaceChildren(el('span', { text: '瓶颈分析加载中…' }));
      try {
        const report = await getJson(reportUrl(key, filter));
        draw(report);
        const bar = filterBar(choices, report.result.units, filter, f => {
          filter = f;
          saveFilter(f);
          load();
        });
        const legend = el('div', { class: 'tc-legend' }, ['HIGH', 'MEDIUM', 'LOW'].map(s =>
          el('span', {}, [el('i', { style: 'background:' + SEVERITY_COLOUR[s] }), SEVERITY_NAME[s]])));
        panel.title = '截至 ' + new Date(report.asOf).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' })
          + ';中位/P90:全部停留(已离开按用时,仍在等待按已等时间);逾期:按各环节办理期限(常见做法)。';
        panel.replaceChildren(el('strong', { text: '等待时间(瓶颈分析)' }), ' ', bar, legend);
      } catch (e) {
        overlays.remove({ type: 'tc-bottleneck' });
        panel.replaceChildren(el('span', { class: 'tc-error', text: '瓶颈分析无法加载:' + e.message }));
      }
    };

    jurisdictionsFor(api, processDefinitionId).then(({ def, choices: c }) => {
      key = def.key;
      choices = c;
      if (!choices.length) {
        panel.replaceChildren(el('span', { class: 'tc-error', text: '您不属于本流程所在辖区,无瓶颈分析可看。' }));
        return;
      }
      filter = initialFilter(choices);
      load();
    }).catch(e => panel.replaceChildren(el('span', { class: 'tc-error', text: '瓶颈分析无法加载:' + e.message })));

    listen('overlay', ev => {
      if (key && JSON.stringify(ev.detail) !== JSON.stringify(filter)) {
        filter = ev.detail;
        load();
      }
    });
  },
  unmount: () => listen('overlay', null)
};

// ---------------------------------------------------------------- bottleneck tab
function table(headers, rows) {
  return el('table', { class: 'cam-table table table-condensed' }, [
    el('thead', {}, [el('tr', {}, headers.map(h => el('th', { text: h })))]),
    el('tbody', {}, rows.length ? rows.map(r => el('tr', {}, r.map(c => typeof c === 'object' ? el('td', {}, [c]) : el('td', { text: String(c) })))) :
      [el('tr', {}, [el('td', { colspan: String(headers.length), text: '暂无数据' })])])
  ]);
}

/** Weekly throughput (bars, left axis) and median waiting time (line, right axis) as an inline SVG. */
function weeklyChart(weeks) {
  const w = 760, h = 220, left = 44, right = 56, top = 16, bottom = 40;
  const chart = svg('svg', { width: w, height: h, viewBox: '0 0 ' + w + ' ' + h, role: 'img', 'aria-label': '每周办结量与等待时间' });
  if (!weeks.length) {
    const t = svg('text', { x: 20, y: 40 });
    t.textContent = '暂无数据';
    chart.appendChild(t);
    return chart;
  }
  const maxCount = Math.max(1, ...weeks.map(x => x.completed));
  const maxWait = Math.max(1, ...weeks.map(x => Number(x.medianWaitHours || 0)));
  const step = (w - left - right) / weeks.length;
  const y = v => top + (h - top - bottom) * (1 - v);
  chart.appendChild(svg('line', { x1: left, y1: y(0), x2: w - right, y2: y(0), stroke: '#999' }));
  let path = '';
  weeks.forEach((x, i) => {
    const bx = left + i * step + step * 0.15;
    const bh = (h - top - bottom) * x.completed / maxCount;
    const rect = svg('rect', { x: bx, y: y(0) - bh, width: step * 0.7, height: bh, fill: '#6baed6' });
    const tip = svg('title');
    tip.textContent = x.week + ':办结 ' + x.completed + ',中位等待 ' + hours(x.medianWaitHours);
    rect.appendChild(tip);
    chart.appendChild(rect);
    if (x.medianWaitHours !== null && x.medianWaitHours !== undefined) {
      const px = left + i * step + step / 2, py = y(Number(x.medianWaitHours) / maxWait);
      path += (path ? ' L' : 'M') + px.toFixed(1) + ' ' + py.toFixed(1);
      chart.appendChild(svg('circle', { cx: px, cy: py, r: 3, fill: '#c9302c' }));
    }
    if (i % Math.ceil(weeks.length / 8) === 0) {
      const t = svg('text', { x: left + i * step, y: h - bottom + 16, 'font-size': 10, fill: '#333' });
      t.textContent = x.weekStart.substring(5);
      chart.appendChild(t);
    }
  });
  if (path) {
    chart.appendChild(svg('path', { d: path, fill: 'none', stroke: '#c9302c', 'stroke-width': 2 }));
  }
  const l1 = svg('text', { x: 4, y: 12, 'font-size': 11, fill: '#2171b5' });
  l1.textContent = '办结量(最多 ' + maxCount + ')';
  const l2 = svg('text', { x: w - right - 150, y: 12, 'font-size': 11, fill: '#c9302c' });
  l2.textContent = '中位等待(最高 ' + hours(maxWait) + ')';
  chart.appendChild(l1);
  chart.appendChild(l2);
  return chart;
}

function sev(s) {
  return el('span', { class: 'tc-sev', style: 'background:' + SEVERITY_COLOUR[s], text: SEVERITY_NAME[s] });
}

const bottleneckTab = {
  id: 'tc-bottleneck-tab',
  pluginPoint: 'cockpit.processDefinition.runtime.tab',
  priority: 20,
  properties: { label: '瓶颈分析' },
  render: (node, { api, processDefinitionId }) => {
    ensureStyle();
    const root = el('div', { class: 'tc-tab', 'data-tc': 'bottleneck-tab' }, [el('p', { text: '加载中…' })]);
    node.appendChild(root);
    let key = null, choices = [], filter = {};

    const load = async () => {
      root.replaceChildren(el('p', { text: '加载中…' }));
      try {
        const report = await getJson(reportUrl(key, filter));
        const r = report.result;
        const bar = filterBar(choices, r.units, filter, f => {
          filter = f;
          saveFilter(f);
          load();
        });
        const stages = Object.values(r.activities).sort((a, b) => Number(b.medianWaitHours || 0) - Number(a.medianWaitHours || 0));
        root.replaceChildren(
          el('div', {}, [el('strong', { text: '筛选:' }), bar]),
          el('h4', { text: '各环节等待时间' }),
          table(['环节', '程度', '正在等待', '已办结', '中位等待', 'P90 等待', '逾期未办', '超期办结'],
            stages.map(a => [a.name || a.activityId, sev(a.severity), a.waiting, a.completed, hours(a.medianWaitHours),
              hours(a.p90WaitHours), a.overdue, a.completedLate])),
          el('h4', { text: '每周办结量与中位等待时间(全部环节)' }),
          weeklyChart(r.weekly),
          el('h4', { text: '各推荐单位(本单位承办的任务)' }),
          table(['推荐单位', '项目数', '在办任务', '已办任务', '办理用时中位', '逾期未办'],
            r.units.map(u => [u.unitName, u.projects, u.openTasks, u.completedTasks, hours(u.medianHoursToComplete), u.overdue])),
          el('h4', { text: '各经办人(由慢到快)' }),
          table(['经办人', '账号', '已办', '办理用时中位', '在办', '逾期未办'],
            r.reviewers.map(x => [x.name, x.reviewer, x.completed, hours(x.medianHoursToComplete), x.open, x.overdue])),
          el('p', { class: 'tc-note', text: '等待时间:到达环节至离开(仍在等待的按至今);中位数与第 90 百分位按相邻秩线性插值。逾期:按各环节办理期限(工作日,常见做法,见规则表 tc-task-due)。截至 '
            + new Date(report.asOf).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' }) + '。' })
        );
      } catch (e) {
        root.replaceChildren(el('p', { class: 'tc-error', text: '瓶颈分析无法加载:' + e.message }));
      }
    };

    jurisdictionsFor(api, processDefinitionId).then(({ def, choices: c }) => {
      key = def.key;
      choices = c;
      if (!choices.length) {
        root.replaceChildren(el('p', { class: 'tc-error', text: '您不属于本流程所在辖区,无瓶颈分析可看。' }));
        return;
      }
      filter = initialFilter(choices);
      load();
    }).catch(e => root.replaceChildren(el('p', { class: 'tc-error', text: '瓶颈分析无法加载:' + e.message })));
    listen('tab', ev => {
      if (key && JSON.stringify(ev.detail) !== JSON.stringify(filter)) {
        filter = ev.detail;
        load();
      }
    });
  },
  unmount: () => listen('tab', null)
};

// ---------------------------------------------------------------- project instances tab
const instancesTab = {
  id: 'tc-project-instances',
  pluginPoint: 'cockpit.processDefinition.runtime.tab',
  priority: 15,
  properties: { label: '项目实例' },
  render: (node, { api, processDefinitionId }) => {
    const root = el('div', { class: 'tc-tab', 'data-tc': 'project-instances' }, [el('p', { text: '加载中…' })]);
    node.appendChild(root);
    (async () => {
      try {
        const q = new URLSearchParams({ processDefinitionId, maxResults: '200', sortBy: 'businessKey', sortOrder: 'asc' });
        const instances = await getJson(api.engineApi + '/process-instance?' + q.toString());
        const values = {};
        if (instances.length) {
          const ids = instances.map(i => i.id).join(',');
          for (const name of ['enterpriseName', 'projectName']) {
            const vq = new URLSearchParams({ variableName: name, processInstanceIdIn: ids, deserializeValues: 'false', maxResults: '1000' });
            const vars = await getJson(api.engineApi + '/variable-instance?' + vq.toString());
            vars.filter(v => !v.taskId).forEach(v => {
              values[v.processInstanceId] = values[v.processInstanceId] || {};
              values[v.processInstanceId][v.name] = v.value;
            });
          }
        }
        root.replaceChildren(
          el('p', { class: 'tc-note', text: '运行中的项目实例:业务标识(项目编号)、企业与项目名称。最多显示 200 个。' }),
          table(['业务标识', '企业', '项目', '流程实例'], instances.map(i => {
            const v = values[i.id] || {};
            const link = el('a', { href: '#/process-instance/' + encodeURIComponent(i.id) + '/runtime', text: i.id });
            return [(i.businessKey || '') + ' ' + (v.projectName || ''), v.enterpriseName || '—', v.projectName || '—', link];
          })));
      } catch (e) {
        root.replaceChildren(el('p', { class: 'tc-error', text: '项目实例无法加载:' + e.message }));
      }
    })();
  }
};

// ---------------------------------------------------------------- dashboard: the year at a glance + scoreboard
/** Decided and paid as shares of the year's budget (none entered: no bar). */
function budgetBar(summary) {
  const budget = Number(summary.budget || 0);
  if (!budget) {
    return el('p', { class: 'tc-note', text: summary.budgetSource || '本年度预算未录入' });
  }
  const pct = v => Math.min(100, Number(v || 0) / budget * 100).toFixed(1) + '%';
  return el('div', { class: 'tc-bar', title: '已审定 ' + pct(summary.awardDecided) + ',已拨付 ' + pct(summary.awardPaid) + '(占年度预算)' }, [
    el('div', { class: 'tc-bar-decided', style: 'width:' + pct(summary.awardDecided) }),
    el('div', { class: 'tc-bar-paid', style: 'width:' + pct(summary.awardPaid) })]);
}

const yearDashboard = {
  id: 'tc-year-dashboard',
  pluginPoint: 'cockpit.dashboard',
  priority: 100,
  render: node => {
    ensureStyle();
    const root = el('section', { class: 'tc-tab', 'data-tc': 'year-dashboard', style: 'padding:10px 15px' }, [el('p', { text: '加载中…' })]);
    node.appendChild(root);
    let filter = null, choices = [];
    const load = async () => {
      root.replaceChildren(el('p', { text: '加载中…' }));
      try {
        const q = new URLSearchParams({ jurisdiction: filter.jurisdiction, year: filter.year });
        const [summary, board] = await Promise.all([getJson('/api/year-summary?' + q), getJson('/api/scoreboard?' + q)]);
        const jur = el('select', { 'aria-label': '辖区', class: 'form-control input-sm', style: 'display:inline-block;width:auto' },
          choices.map(j => el('option', { value: j.code, text: j.name })));
        jur.value = filter.jurisdiction;
        const thisYear = new Date().getFullYear();
        const opts = [];
        for (let y = thisYear; y >= thisYear - 9; y--) {
          opts.push(el('option', { value: String(y), text: y + ' 年' }));
        }
        const year = el('select', { 'aria-label': '年度', class: 'form-control input-sm', style: 'display:inline-block;width:auto' }, opts);
        year.value = String(filter.year);
        const changed = () => {
          filter = { jurisdiction: jur.value, year: Number(year.value) };
          load();
        };
        jur.addEventListener('change', changed);
        year.addEventListener('change', changed);
        const units = board.units || [];
        root.replaceChildren(
          el('h3', { text: '本年度概览' }), el('div', {}, [jur, ' ', year]),
          el('p', {}, ['已审定奖补 ', el('strong', { text: money(summary.awardDecided) }), ',已拨付 ',
            el('strong', { text: money(summary.awardPaid) }), ',年度预算 ', el('strong', { text: money(summary.budget) })]),
          budgetBar(summary),
          el('div', { class: 'tc-stages' }, (summary.stages || []).map(s =>
            el('div', { class: 'tc-stage' + (s.projects ? '' : ' tc-zero') }, [
              el('div', { class: 'tc-stage-n', text: String(s.projects) }), el('div', { text: s.stageName || s.stage })]))),
          el('h3', { text: '镇街目标考核(排序通报)' }),
          table(['名次', '推荐单位', '备案', '推荐', '获奖补', '技改投资', '奖补金额', '技改投资目标', '完成率', '技改企业目标', '完成率'],
            units.map(u => [u.rank, u.unitName, u.filed, u.recommended, u.awarded, money(u.investment), money(u.awardAmount),
              u.targets ? money(u.targets.retrofitInvestment) : '—', u.progress ? percent(u.progress.retrofitInvestment) : '—',
              u.targets ? u.targets.retrofittingEnterprises : '—', u.progress ? percent(u.progress.retrofittingEnterprises) : '—'])),
          el('p', { class: 'tc-note', text: (board.practice || '') + ' ' }, [
            el('a', { href: '/api/scoreboard.xlsx?' + q, text: '导出 XLSX' })])
        );
      } catch (e) {
        root.replaceChildren(el('p', { class: 'tc-error', text: '本年度概览无法加载:' + e.message }));
      }
    };
    currentUser().then(user => {
      choices = user.jurisdictions || [];
      if (!choices.length) {
        root.replaceChildren();
        return;
      }
      filter = { jurisdiction: choices[0].code, year: new Date().getFullYear() };
      load();
    }).catch(e => root.replaceChildren(el('p', { class: 'tc-error', text: '本年度概览无法加载:' + e.message })));
  }
};

export default [overlayPlugin, bottleneckTab, instancesTab, yearDashboard];
