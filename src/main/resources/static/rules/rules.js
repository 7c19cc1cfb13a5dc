/*
 * The rule administrator's page: current tables, upload with preview, four-eyes approval, history.
 * Every string from the server (or from an uploaded table) is inserted as text, never as HTML.
 */
(function () {
  'use strict';

  var JURISDICTIONS = [
    { code: 'hekou', name: '东营市河口区' },
    { code: 'huanggang', name: '黄冈市' },
    { code: 'yanzhou', name: '济宁市兖州区' },
    { code: 'jiyuan', name: '济源市' },
    { code: 'liaocheng', name: '聊城市' }
  ];
  var STORAGE_KEY = 'tc-rules-jurisdiction';

  var STATUS = {
    PENDING_APPROVAL: { text: '待审核', css: 'pending' },
    SCHEDULED: { text: '已批准，待生效', css: 'scheduled' },
    ACTIVE: { text: '已生效', css: 'active' },
    REJECTED: { text: '已退回', css: 'rejected' }
  };
  var DIFF_KIND = {
    ADDED: '新增', ADD: '新增', NEW: '新增', CREATED: '新增',
    REMOVED: '删除', REMOVE: '删除', DELETED: '删除',
    CHANGED: '修改', CHANGE: '修改', MODIFIED: '修改', UPDATED: '修改'
  };
  var HIT_POLICY = {
    UNIQUE: '唯一命中', FIRST: '首条命中', PRIORITY: '按优先级', ANY: '任一命中',
    COLLECT: '汇总全部命中', 'RULE ORDER': '按规则顺序', RULE_ORDER: '按规则顺序',
    'OUTPUT ORDER': '按输出顺序', OUTPUT_ORDER: '按输出顺序'
  };
  // cn.tcsubsidy.round.domain.RoundStatus
  var ROUND_STATUS = {
    RECOMMENDATION: '镇街推荐中', REVIEW: '专家评审中', LIST_DECISION: '拟扶持审定中', NOTICE: '公示中', CLOSED: '已结束'
  };
  var PRACTICE = '常见做法';

  // ---------------------------------------------------------------- DOM helpers (text only)

  // Shared with the other pages: ../shared/page.js (DOM with text only, exact amounts).
  var P = window.TcPage;
  var $ = P.$, el = P.el, append = P.append, clear = P.clear, text = P.text, cents = P.cents, scaled = P.scaled,
      money = P.money;

  function sameMoney(a, b) {
    var ca = cents(a);
    var cb = cents(b);
    return ca === null || cb === null ? ca === cb : ca === cb;
  }

  function pad(n) {
    return String(n).padStart(2, '0');
  }

  /** ISO timestamps as local 「yyyy-MM-dd HH:mm」; dates and anything else as sent. */
  function dateTime(v) {
    if (!v) {
      return '—';
    }
    var s = String(v);
    if (/^\d{4}-\d{2}-\d{2}$/.test(s)) {
      return s;
    }
    var d = new Date(s);
    if (isNaN(d.getTime())) {
      return s;
    }
    return d.getFullYear() + '-' + pad(d.getMonth() + 1) + '-' + pad(d.getDate()) + ' ' + pad(d.getHours()) + ':'
      + pad(d.getMinutes());
  }

  function today() {
    var d = new Date();
    return d.getFullYear() + '-' + pad(d.getMonth() + 1) + '-' + pad(d.getDate());
  }

  function eligible(v) {
    if (v === true) {
      return '符合条件';
    }
    if (v === false) {
      return '不符合条件';
    }
    return text(v);
  }

  function withinLine(v) {
    if (v === true) {
      return '线内';
    }
    if (v === false) {
      return '线外';
    }
    var s = String(v === null || v === undefined ? '' : v).toUpperCase();
    if (s === 'IN' || s === 'WITHIN' || s === 'INSIDE' || s === 'ABOVE') {
      return '线内';
    }
    if (s === 'OUT' || s === 'OUTSIDE' || s === 'BELOW') {
      return '线外';
    }
    return text(v);
  }

  // ---------------------------------------------------------------- HTTP

  function ApiError(status, message, data) {
    this.status = status;
    this.message = message;
    this.data = data || {};
  }

  /** fetch with the browser's HTTP Basic login; resolves the parsed JSON body, rejects with an ApiError. */
  function api(method, url, body) {
    // X-Requested-With: a header no cross-site form can send, so the server may refuse writes without it (CSRF:
    // the browser adds the cached HTTP Basic login to every request to this origin).
    var init = {
      method: method,
      credentials: 'same-origin',
      headers: { Accept: 'application/json', 'X-Requested-With': 'tc-rules-page' }
    };
    if (body instanceof FormData) {
      init.body = body;
    } else if (body !== undefined) {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    return fetch(url, init).then(function (response) {
      return response.text().then(function (raw) {
        var data = null;
        if (raw) {
          try {
            data = JSON.parse(raw);
          } catch (e) {
            data = null;
          }
        }
        if (response.ok) {
          return data;
        }
        throw new ApiError(response.status, refusal(response.status, data), data);
      });
    }, function () {
      throw new ApiError(0, '无法连接服务器，请检查网络后重试。', null);
    });
  }

  /** The Chinese sentence for a refused request, with the server's own message. */
  function refusal(status, data) {
    var msg = data && typeof data.message === 'string' && data.message.trim() ? data.message.trim() : '';
    if (status === 401) {
      return '未登录或用户名、密码不正确，请刷新页面并用规则管理员账号登录。' + (msg ? '服务器说明：' + msg : '');
    }
    if (status === 403) {
      return '您没有权限执行此操作。' + (msg ? msg : '');
    }
    if (status === 404) {
      return '服务器未提供此功能或记录不存在（HTTP 404）。' + (msg ? msg : '');
    }
    if (status === 413) {
      return '上传的文件过大（HTTP 413）。' + msg;
    }
    if (status === 429) {
      return msg || '登录失败次数过多，请稍后再试（HTTP 429）。';
    }
    if (msg) {
      return msg;
    }
    if (status >= 500) {
      return '服务器内部错误（HTTP ' + status + '），请稍后重试或联系系统管理员。';
    }
    return '请求未成功（HTTP ' + status + '）。';
  }

  function tenantUrl(path) {
    return '/api/rules/' + encodeURIComponent(current()) + path;
  }

  // ---------------------------------------------------------------- status and errors beside a control

  function busy(node, message) {
    clear(node).className = 'status busy';
    node.textContent = message;
  }

  function ok(node, message) {
    clear(node).className = 'status ok';
    node.textContent = message;
  }

  function done(node) {
    clear(node).className = 'status';
  }

  /** The refusal, then the violations and errors the server sent, all as text. */
  function failed(node, error) {
    clear(node).className = 'status error';
    var message = error instanceof ApiError ? error.message : '页面出错：' + (error && error.message ? error.message : String(error));
    append(node, el('div', { className: 'error-message', text: message }));
    var data = error instanceof ApiError ? error.data : null;
    if (data && Array.isArray(data.violations) && data.violations.length) {
      append(node, violationList(data.violations));
    }
    if (data && Array.isArray(data.errors) && data.errors.length) {
      append(node, el('ul', { className: 'errors' }, data.errors.map(function (e) {
        return el('li', null, errorText(e));
      })));
    }
  }

  function errorText(e) {
    if (e === null || e === undefined) {
      return '—';
    }
    if (typeof e !== 'object') {
      return String(e);
    }
    var parts = [];
    ['table', 'file', 'field', 'ruleId', 'line'].forEach(function (k) {
      if (e[k] !== undefined && e[k] !== null && e[k] !== '') {
        parts.push(String(e[k]));
      }
    });
    var message = e.message || e.text || e.defaultMessage || JSON.stringify(e);
    return (parts.length ? parts.join(' · ') + '：' : '') + message;
  }

  function violationList(violations) {
    return el('ul', { className: 'violations' }, violations.map(function (v) {
      return el('li', null, [
        el('div', null, [el('strong', { text: text(v.table) }), '：', text(v.invariant)]),
        v.source ? el('div', { className: 'source' }, ['依据：', String(v.source)]) : null,
        v.example ? el('div', { className: 'example' }, ['例：', String(v.example)]) : null
      ]);
    }));
  }

  // ---------------------------------------------------------------- jurisdiction

  function current() {
    return $('jurisdiction').value;
  }

  function initJurisdiction() {
    var select = $('jurisdiction');
    JURISDICTIONS.forEach(function (j) {
      select.appendChild(el('option', { value: j.code, text: j.name }));
    });
    var saved = null;
    try {
      saved = window.localStorage.getItem(STORAGE_KEY);
    } catch (e) {
      saved = null;
    }
    if (saved && JURISDICTIONS.some(function (j) { return j.code === saved; })) {
      select.value = saved;
    }
    select.addEventListener('change', function () {
      try {
        window.localStorage.setItem(STORAGE_KEY, select.value);
      } catch (e) {
        // Private mode: the choice is not remembered.
      }
      resetUpload();
      loadAll();
    });
  }

  function jurisdictionName(code) {
    var j = JURISDICTIONS.filter(function (x) { return x.code === code; })[0];
    return j ? j.name : code;
  }

  // ---------------------------------------------------------------- 当前生效的规则表

  var loads = 0; // a newer load wins over an older answer arriving late

  function loadTables(generation) {
    var status = $('tables-status');
    var box = clear($('tables'));
    busy(status, '正在加载' + jurisdictionName(current()) + '的规则表…');
    return api('GET', tenantUrl('/tables')).then(function (data) {
      if (generation !== loads) {
        return;
      }
      var tables = data && Array.isArray(data.tables) ? data.tables : [];
      if (!tables.length) {
        ok(status, '本辖区没有生效的规则表。');
        return;
      }
      done(status);
      tables.forEach(function (t) {
        box.appendChild(tableCard(t));
      });
    }, function (error) {
      if (generation === loads) {
        failed(status, error);
      }
      return error;
    });
  }

  function isPractice(source) {
    return typeof source === 'string' && source.indexOf(PRACTICE) >= 0;
  }

  function tableCard(t) {
    var inputs = Array.isArray(t.inputs) ? t.inputs : [];
    var outputs = Array.isArray(t.outputs) ? t.outputs : [];
    var rows = Array.isArray(t.rows) ? t.rows : [];
    var hit = t.hitPolicy ? String(t.hitPolicy) : '';
    var head = el('tr', null, [el('th', { className: 'rule-no', text: '#' })]
      .concat(inputs.map(function (i) { return el('th', { className: 'input', scope: 'col' }, ['条件：', String(i)]); }))
      .concat(outputs.map(function (o) { return el('th', { className: 'output', scope: 'col' }, ['结果：', String(o)]); }))
      .concat([el('th', { className: 'source-col', scope: 'col', text: '依据' })]));
    var body = el('tbody', null, rows.map(function (r, index) {
      var cells = Array.isArray(r.cells) ? r.cells : [];
      var practice = isPractice(r.source);
      var tr = el('tr', { className: practice ? 'practice-row' : null, title: r.ruleId ? '规则编号 ' + r.ruleId : null },
        [el('td', { className: 'rule-no', text: String(index + 1) })]);
      cells.forEach(function (c, i) {
        tr.appendChild(el('td', { className: i < inputs.length ? 'input' : 'output', text: text(c) }));
      });
      var sourceCell = el('td', { className: 'source-col' });
      if (r.source) {
        sourceCell.appendChild(el('details', null, [
          el('summary', null, [practice ? el('span', { className: 'badge practice', text: PRACTICE }) : '原文', ' 查看']),
          el('div', { className: 'source', text: String(r.source) })
        ]));
      } else {
        sourceCell.textContent = '—';
      }
      tr.appendChild(sourceCell);
      return tr;
    }));
    var toggle = el('button', { type: 'button', className: 'link', text: '展开全部依据' });
    toggle.addEventListener('click', function () {
      var all = body.querySelectorAll('details');
      var open = toggle.textContent === '展开全部依据';
      Array.prototype.forEach.call(all, function (d) { d.open = open; });
      toggle.textContent = open ? '收起全部依据' : '展开全部依据';
    });
    return el('details', { className: 'card table-card' }, [
      el('summary', null, [
        el('strong', { text: text(t.name) }), ' ',
        el('span', { className: 'muted', text: '（' + text(t.key) + '）' }), ' ',
        el('span', { className: 'tag', text: '第 ' + text(t.version) + ' 版' }), ' ',
        el('span', { className: 'muted', text: '部署于 ' + dateTime(t.deployedAt) + ' · ' + rows.length + ' 条规则' })
      ]),
      el('div', { className: 'meta' }, [
        '文件：', text(t.resource), ' · 部署编号：', text(t.deploymentId),
        ' · 命中策略：', hit ? hit + (HIT_POLICY[hit.toUpperCase()] ? '（' + HIT_POLICY[hit.toUpperCase()] + '）' : '') : '—',
        ' · ', toggle
      ]),
      el('div', { className: 'scroll' }, el('table', { className: 'rules' }, [el('thead', null, head), body]))
    ]);
  }

  // ---------------------------------------------------------------- 上传新规则表: preview and submit

  function selectedFiles() {
    return Array.prototype.slice.call($('files').files || []);
  }

  function formWithFiles(status) {
    var files = selectedFiles();
    if (!files.length) {
      failed(status, new ApiError(0, '请先选择一个或多个 .dmn 规则表文件。'));
      return null;
    }
    var wrong = files.filter(function (f) { return !/\.dmn$/i.test(f.name); });
    if (wrong.length) {
      failed(status, new ApiError(0, '只能上传 .dmn 规则表文件：' + wrong.map(function (f) { return f.name; }).join('、')
        + ' 不是。'));
      return null;
    }
    var form = new FormData();
    files.forEach(function (f) {
      form.append('files', f, f.name);
    });
    return form;
  }

  function showFileList() {
    var files = selectedFiles();
    $('file-list').textContent = files.length
      ? '已选择：' + files.map(function (f) { return f.name; }).join('、')
      : '';
    clear($('preview'));
    done($('preview-status'));
    done($('submit-status'));
  }

  function preview() {
    var status = $('preview-status');
    var box = clear($('preview'));
    var form = formWithFiles(status);
    if (!form) {
      return;
    }
    var button = $('preview-button');
    button.disabled = true;
    busy(status, '正在校验并测算，请稍候…');
    api('POST', tenantUrl('/preview'), form).then(function (data) {
      done(status);
      renderPreview(box, data || {});
    }, function (error) {
      failed(status, error);
    }).then(function () {
      button.disabled = false;
    });
  }

  function renderPreview(box, data) {
    var violations = Array.isArray(data.violations) ? data.violations : [];
    var check = el('div', { className: 'card' }, el('h3', { text: '政策校验' }));
    if (data.passed === true && !violations.length) {
      check.appendChild(el('div', { className: 'passed', text: '✔ 通过：新规则表符合全部政策底线。' }));
    } else {
      check.appendChild(el('div', { className: 'failed-check', text: '✘ 未通过：以下 ' + violations.length
        + ' 项不符合政策，此规则表不能提交。' }));
      check.appendChild(violationList(violations));
    }
    box.appendChild(check);

    var diffCard = el('div', { className: 'card' }, el('h3', { text: '变更内容' }));
    diffCard.appendChild(diffList(data.diff, '与当前生效的规则表相比没有变化。'));
    box.appendChild(diffCard);

    box.appendChild(whatIfCard(data.whatIf));
  }

  function diffList(diff, none) {
    if (!Array.isArray(diff) || !diff.length) {
      return el('p', { className: 'muted', text: none });
    }
    return el('ul', { className: 'diff' }, diff.map(function (d) {
      var kind = d.kind ? String(d.kind) : '';
      var label = DIFF_KIND[kind.toUpperCase()] || kind || '变更';
      return el('li', { className: 'diff-' + (DIFF_KIND[kind.toUpperCase()] ? kind.toLowerCase() : 'other') }, [
        el('span', { className: 'tag', text: label }), ' ',
        el('strong', { text: text(d.table) }),
        d.ruleId ? el('span', { className: 'muted', text: '（规则 ' + d.ruleId + '）' }) : null,
        '：', text(d.text)
      ]);
    }));
  }

  function changedProject(p) {
    return !sameMoney(p.oldAmount, p.newAmount) || p.oldEligible !== p.newEligible
      || p.oldWithinLine !== p.newWithinLine;
  }

  function whatIfCard(w) {
    var card = el('div', { className: 'card' }, el('h3', { text: '测算影响' }));
    if (!w) {
      card.appendChild(el('p', { className: 'muted', text: '服务器未返回测算结果。' }));
      return card;
    }
    var rounds = Array.isArray(w.rounds) ? w.rounds : [];
    card.appendChild(el('p', { className: 'muted', text: rounds.length
      ? '测算范围：' + rounds.map(function (r) {
        return text(r.year) + ' 年度批次 ' + text(r.roundId) + (r.status ? '（' + (ROUND_STATUS[r.status] || r.status) + '）' : '');
      }).join(';')
      : '本辖区当前没有在办批次。' }));

    var projects = (Array.isArray(w.projects) ? w.projects : []).filter(changedProject);
    if (!projects.length) {
      card.appendChild(el('p', { className: 'passed', text: '无项目金额变化。' }));
    } else {
      var rows = projects.map(function (p) {
        var c = cents(p.newAmount);
        var o = cents(p.oldAmount);
        var delta = c !== null && o !== null ? c - o : null;
        return el('tr', null, [
          el('td', null, [text(p.projectName), el('div', { className: 'muted', text: '项目 ' + text(p.projectId) })]),
          el('td', { text: text(p.enterprise) }),
          el('td', { className: 'num', text: money(p.oldAmount) }),
          el('td', { className: 'num', text: money(p.newAmount) }),
          el('td', { className: 'num ' + (delta === null ? '' : delta < 0n ? 'down' : 'up'),
            text: delta === null ? '—' : (delta > 0n ? '+' : '') + money(centsToString(delta)) }),
          el('td', { text: eligible(p.oldEligible) + ' → ' + eligible(p.newEligible) }),
          el('td', { text: withinLine(p.oldWithinLine) + ' → ' + withinLine(p.newWithinLine) })
        ]);
      });
      card.appendChild(el('div', { className: 'scroll' }, el('table', { className: 'data' }, [
        el('thead', null, el('tr', null, ['项目', '企业', '原金额', '新金额', '增减', '是否符合条件', '预算线'].map(function (h) {
          return el('th', { scope: 'col', text: h });
        }))),
        el('tbody', null, rows)
      ])));
      card.appendChild(el('p', { className: 'muted', text: '共 ' + projects.length + ' 个项目受影响。' }));
    }
    var ot = cents(w.oldTotal);
    var nt = cents(w.newTotal);
    card.appendChild(el('p', null, [
      el('strong', { text: '奖补合计：' }), money(w.oldTotal), ' → ', money(w.newTotal),
      ot !== null && nt !== null && ot !== nt ? '（' + (nt > ot ? '增加 ' : '减少 ') + money(centsToString(nt > ot ? nt - ot : ot - nt)) + '）' : ''
    ]));
    var moves = Array.isArray(w.lineMoves) ? w.lineMoves : [];
    if (moves.length) {
      card.appendChild(el('h4', { text: '预算线变动' }));
      card.appendChild(el('ul', { className: 'moves' }, moves.map(function (m) {
        return el('li', null, [el('strong', { text: text(m.projectName) }), '（项目 ', text(m.projectId), '）：',
          withinLine(m.from), ' → ', withinLine(m.to)]);
      })));
    } else {
      card.appendChild(el('p', { className: 'muted', text: '没有项目进出预算线。' }));
    }
    return card;
  }

  /** BigInt cents back to a decimal string in 元. */
  function centsToString(c) {
    var negative = c < 0n;
    var a = negative ? -c : c;
    return (negative ? '-' : '') + String(a / 100n) + '.' + String(a % 100n).padStart(2, '0');
  }

  function activationChanged() {
    var dated = $('activate-date').checked;
    var input = $('activate-on');
    input.disabled = !dated;
    input.min = today();
    if (dated && !input.value) {
      input.value = today();
    }
  }

  function submitChange() {
    var status = $('submit-status');
    var form = formWithFiles(status);
    if (!form) {
      return;
    }
    var reason = $('reason').value.trim();
    if (!reason) {
      failed(status, new ApiError(0, '请填写变更理由。'));
      $('reason').focus();
      return;
    }
    form.append('reason', reason);
    if ($('activate-date').checked) {
      var on = $('activate-on').value;
      if (!/^\d{4}-\d{2}-\d{2}$/.test(on)) {
        failed(status, new ApiError(0, '请选择生效日期（或选择“批准后立即生效”）。'));
        return;
      }
      if (on < today()) {
        failed(status, new ApiError(0, '生效日期不能早于今天（' + today() + '）。'));
        return;
      }
      if (on !== today()) {
        form.append('activateOn', on);
      }
    }
    var button = $('submit-button');
    button.disabled = true;
    busy(status, '正在提交…');
    api('POST', tenantUrl('/changes'), form).then(function (change) {
      resetUpload();
      ok($('submit-status'), '已提交变更' + (change && change.id !== undefined ? ' #' + change.id : '')
        + '，等待本辖区另一位规则管理员审核；批准后' + (change && change.activateOn ? '于 ' + change.activateOn + ' 生效。' : '立即生效。'));
      loadChanges(loads);
    }, function (error) {
      failed(status, error);
    }).then(function () {
      button.disabled = false;
    });
  }

  function resetUpload() {
    $('upload-form').reset();
    $('file-list').textContent = '';
    clear($('preview'));
    done($('preview-status'));
    done($('submit-status'));
    activationChanged();
  }

  // ---------------------------------------------------------------- 待审核与计划生效的变更

  function loadChanges(generation) {
    var status = $('changes-status');
    var box = clear($('changes'));
    busy(status, '正在加载变更…');
    api('GET', tenantUrl('/changes')).then(function (changes) {
      if (generation !== loads) {
        return;
      }
      changes = Array.isArray(changes) ? changes : [];
      if (!changes.length) {
        ok(status, '没有待审核或计划生效的变更。');
        return;
      }
      done(status);
      changes.forEach(function (c) {
        box.appendChild(changeCard(c));
      });
    }, function (error) {
      if (generation === loads) {
        failed(status, error);
      }
    });
  }

  function changeCard(c) {
    var s = STATUS[c.status] || { text: text(c.status), css: 'other' };
    var files = Array.isArray(c.files) ? c.files : [];
    var card = el('div', { className: 'card change status-' + s.css }, [
      el('div', { className: 'change-head' }, [
        el('strong', { text: '变更 #' + text(c.id) }), ' ',
        el('span', { className: 'state ' + s.css, text: s.text })
      ]),
      el('dl', { className: 'facts' }, [
        el('dt', { text: '提交人' }), el('dd', { text: text(c.uploadedBy) + ' · ' + dateTime(c.uploadedAt) }),
        el('dt', { text: '理由' }), el('dd', { text: text(c.reason) }),
        el('dt', { text: '文件' }), el('dd', { text: files.length ? files.join('、') : '—' }),
        el('dt', { text: '生效日期' }), el('dd', { text: c.activateOn ? String(c.activateOn) : '批准后立即生效' }),
        c.approvedBy || c.approvedAt ? el('dt', { text: c.status === 'REJECTED' ? '退回人' : '审核人' }) : null,
        c.approvedBy || c.approvedAt ? el('dd', { text: text(c.approvedBy) + ' · ' + dateTime(c.approvedAt) }) : null,
        c.comment ? el('dt', { text: '审核意见' }) : null,
        c.comment ? el('dd', { text: String(c.comment) }) : null,
        c.deploymentId ? el('dt', { text: '部署编号' }) : null,
        c.deploymentId ? el('dd', { text: String(c.deploymentId) }) : null
      ])
    ]);
    if (c.status === 'PENDING_APPROVAL') {
      card.appendChild(approvalBox(c));
    }
    return card;
  }

  function approvalBox(c) {
    var id = 'comment-' + String(c.id).replace(/[^A-Za-z0-9_-]/g, '_');
    var comment = el('textarea', { id: id, rows: 2, maxlength: 2000, placeholder: '审核意见（退回时必填）' });
    var status = el('span', { className: 'status', role: 'status' });
    var approve = el('button', { type: 'button', className: 'approve', text: '批准' });
    var reject = el('button', { type: 'button', className: 'reject', text: '退回' });
    function decide(yes) {
      var text = comment.value.trim();
      if (!yes && !text) {
        failed(status, new ApiError(0, '退回时请填写审核意见，说明需要如何修改。'));
        comment.focus();
        return;
      }
      if (yes && !window.confirm('确认批准变更 #' + c.id + '?' + (c.activateOn ? '将于 ' + c.activateOn + ' 生效。' : '批准后立即生效。'))) {
        return;
      }
      approve.disabled = true;
      reject.disabled = true;
      busy(status, yes ? '正在批准…' : '正在退回…');
      api('POST', tenantUrl('/changes/' + encodeURIComponent(c.id) + '/approval'), { approve: yes, comment: text })
        .then(function () {
          ok(status, yes ? '已批准。' : '已退回。');
          refreshAfterDecision();
        }, function (error) {
          failed(status, error);
          approve.disabled = false;
          reject.disabled = false;
        });
    }
    approve.addEventListener('click', function () { decide(true); });
    reject.addEventListener('click', function () { decide(false); });
    return el('div', { className: 'approval' }, [
      el('label', { 'for': id, text: '审核（提交人本人不能审核自己的变更）' }),
      comment,
      el('div', { className: 'actions' }, [approve, ' ', reject, ' ', status])
    ]);
  }

  function refreshAfterDecision() {
    loadAll();
  }

  // ---------------------------------------------------------------- 变更记录

  var SOURCE = {
    MODELER: 'Camunda Modeler', REST: 'REST 接口', ENGINE_REST: 'REST 接口', COCKPIT: 'Cockpit',
    APPROVED_CHANGE: '本页审核通过的变更', RULE_CHANGE: '本页审核通过的变更', CHANGE: '本页审核通过的变更',
    STARTUP: '系统启动时部署', INITIAL: '系统启动时部署', APP: '系统启动时部署'
  };

  function loadHistory(generation) {
    var status = $('history-status');
    var box = clear($('history'));
    busy(status, '正在加载变更记录…');
    api('GET', tenantUrl('/history')).then(function (data) {
      if (generation !== loads) {
        return;
      }
      var entries = data && Array.isArray(data.entries) ? data.entries : [];
      if (!entries.length) {
        ok(status, '没有变更记录。');
        return;
      }
      done(status);
      entries.forEach(function (e) {
        box.appendChild(historyCard(e));
      });
    }, function (error) {
      if (generation === loads) {
        failed(status, error);
      }
    });
  }

  function historyCard(e) {
    var tables = Array.isArray(e.tables) ? e.tables : [];
    var source = e.source ? String(e.source) : '';
    var diffCount = Array.isArray(e.diff) ? e.diff.length : 0;
    return el('details', { className: 'card history' }, [
      el('summary', null, [
        el('strong', { text: dateTime(e.deployedAt) }), ' ',
        text(e.deployedBy), ' · ',
        SOURCE[source.toUpperCase()] ? SOURCE[source.toUpperCase()] : text(source), ' · ',
        el('span', { className: 'muted', text: tables.length + ' 张表，' + diffCount + ' 处变化' })
      ]),
      el('div', { className: 'meta', text: '部署名称：' + text(e.deploymentName) + ' · 部署编号：' + text(e.deploymentId) }),
      el('ul', { className: 'deployed-tables' }, tables.map(function (t) {
        return el('li', { text: text(t.key) + ' 第 ' + text(t.version) + ' 版（' + text(t.resource) + '）' });
      })),
      diffList(e.diff, '与上一版相比没有规则变化。')
    ]);
  }

  // ---------------------------------------------------------------- start

  /** The tables first, then the rest: the browser asks for the login once, not once per section. */
  function loadAll() {
    loads += 1;
    var generation = loads;
    document.title = '技术改造奖补规则管理 · ' + jurisdictionName(current());
    busy($('changes-status'), '正在加载变更…');
    busy($('history-status'), '正在加载变更记录…');
    loadTables(generation).then(function (error) {
      if (generation !== loads) {
        return;
      }
      if (error instanceof ApiError && error.status === 401) {
        // Not signed in (the prompt was cancelled): the other sections would only ask again.
        failed($('changes-status'), error);
        failed($('history-status'), error);
        return;
      }
      loadChanges(generation);
      loadHistory(generation);
    });
  }

  function start() {
    initJurisdiction();
    $('files').addEventListener('change', showFileList);
    $('preview-button').addEventListener('click', preview);
    $('submit-button').addEventListener('click', submitChange);
    $('activate-now').addEventListener('change', activationChanged);
    $('activate-date').addEventListener('change', activationChanged);
    $('reload').addEventListener('click', loadAll);
    $('upload-form').addEventListener('submit', function (e) { e.preventDefault(); });
    activationChanged();
    loadAll();
  }

  // Exposed for the page's own checks only (formatting has no side effects).
  window.tcRules = { money: money, cents: cents, refusal: refusal };

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
}());
