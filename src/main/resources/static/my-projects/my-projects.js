/*
 * The enterprise's 我的项目 page: its own projects from GET /api/my-projects, read with the webapps' session (the
 * user signed in to Tasklist). Every string from the server is inserted as text, never as HTML.
 */
(function () {
  'use strict';

  var TASKLIST = '/camunda/app/tasklist/';
  // The webapps' own "who is signed in" (404 when nobody is): asked first, so that a visitor who is not signed in
  // is told so here instead of being asked for a password by the browser (the app's /api answers 401 with Basic).
  var WHO = '/camunda/api/admin/auth/user/default';
  var API = '/api/my-projects';

  // cn.tcsubsidy.followup.domain.FollowUpService conclusions
  var CONCLUSION = { PASS: '绩效评价通过', RECTIFY: '限期整改', CLAWBACK: '绩效未达标,追回资金' };

  // ---------------------------------------------------------------- DOM helpers (text only)

  // Shared with the other pages: ../shared/page.js (DOM with text only, exact amounts).
  var P = window.TcPage;
  var $ = P.$, el = P.el, append = P.append, clear = P.clear, text = P.text, cents = P.cents, scaled = P.scaled,
      money = P.money;

  /** An ISO date or date-time as the server wrote it (Beijing time): 「yyyy-MM-dd」 or 「yyyy-MM-dd HH:mm」. */
  function when(v) {
    if (!v) {
      return '—';
    }
    var m = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2}))?/.exec(String(v));
    return m ? m[1] + (m[2] ? ' ' + m[2] : '') : String(v);
  }

  // ---------------------------------------------------------------- HTTP

  function Refused(status, message) {
    this.status = status;
    this.message = message;
  }

  /** GET with the webapps' session cookie; resolves the parsed JSON body, rejects with a Refused. */
  function get(url) {
    return fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } }).then(function (r) {
      return r.text().then(function (raw) {
        var data = null;
        try {
          data = raw ? JSON.parse(raw) : null;
        } catch (e) {
          data = null;
        }
        if (r.ok) {
          return data;
        }
        throw new Refused(r.status, data && typeof data.message === 'string' ? data.message : '');
      });
    }, function () {
      throw new Refused(0, '');
    });
  }

  // ---------------------------------------------------------------- states

  function status(className, children) {
    var s = clear($('status'));
    s.className = 'status' + (className ? ' ' + className : '');
    [].concat(children).forEach(function (c) {
      s.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
    });
  }

  function tasklistLink(label) {
    return el('a', { href: TASKLIST, text: label || '任务列表(Tasklist)' });
  }

  function notSignedIn() {
    status('error signed-out', ['您尚未登录或登录已过期。请先登录', tasklistLink(), ',再打开本页。']);
  }

  function failed(e) {
    if (!(e instanceof Refused)) {
      // A fault of this page, not a refusal: shown to the user and left in the console for whoever looks into it.
      console.error(e);
    }
    if (e instanceof Refused && (e.status === 401 || e.status === 404)) {
      notSignedIn();
    } else if (e instanceof Refused && e.status === 403) {
      status('error refused', [e.message || '您的账号不能查看“我的项目”。', ' ', tasklistLink('返回任务列表')]);
    } else if (e instanceof Refused && e.status === 0) {
      status('error', '无法连接服务器,请检查网络后刷新本页。');
    } else {
      status('error', '加载失败' + (e && e.status ? '(HTTP ' + e.status + ')' : '') + (e && e.message ? ':' + e.message : '')
        + ',请稍后刷新本页。');
    }
  }

  // ---------------------------------------------------------------- rendering

  function row(label, value) {
    return el('div', null, [el('dt', { text: label }), el('dd', { text: value })]);
  }

  function stageClass(p) {
    if (p.stage === 'REJECTED') {
      return 'stage rejected';
    }
    return p.stage === 'CLOSED' || p.stage === 'FOLLOW_UP' ? 'stage done' : 'stage';
  }

  function dates(p) {
    var m = p.milestones || {};
    var pay = p.payment;
    var notice = p.notice ? when(p.notice.startsOn) + ' 至 ' + when(p.notice.endsOn) : when(m.noticeOpenedAt);
    return el('dl', { className: 'grid dates' }, [
      row('备案', when(m.filedAt)),
      row('竣工报告', when(m.completionReportedAt) + (p.completionDate ? '(竣工日期 ' + when(p.completionDate) + ')' : '')),
      row('镇街推荐', when(m.recommendedAt)),
      row('专家评审', when(m.reviewedAt)),
      row('拟扶持审定', when(m.decidedAt)),
      row('公示期', notice),
      row('资金拨付', pay && pay.lastPaidOn ? when(pay.lastPaidOn) : '—'),
      row('退库', when(m.exitedPoolAt))
    ]);
  }

  function decision(p) {
    var d = p.decision;
    if (!d) {
      return el('div', { className: 'decision pending' },
        el('p', { text: '尚未作出推荐或审定结论。当前阶段:' + text(p.stageLabel) }));
    }
    var awarded = d.outcome === 'AWARDED';
    return el('div', { className: 'decision ' + (awarded ? 'awarded' : 'refused') }, [
      el('p', null, [el('strong', { text: '结论:' }), text(d.outcomeLabel) + '(' + when(d.at) + ')']),
      awarded ? el('p', null, [el('strong', { text: '拟扶持金额:' }), money(d.amount)]) : null,
      el('p', null, [el('strong', { text: awarded ? '审定记录:' : '原因:' }), text(d.reason)])
    ]);
  }

  function payment(p) {
    var pay = p.payment;
    if (!pay) {
      return null;
    }
    var children = [el('h3', { text: '资金拨付' }), el('dl', { className: 'grid' }, [
      row('拨付方式', text(pay.modeLabel)),
      row('收款方', text(pay.payeeTypeLabel)),
      row('已拨付合计', money(pay.paidTotal)),
      pay.settlementDueOn ? row('年终结算日', when(pay.settlementDueOn)) : null,
      pay.settledAmount !== null && pay.settledAmount !== undefined ? row('结算核定金额', money(pay.settledAmount)) : null,
      p.recoveredAmount ? row('已追回', money(p.recoveredAmount)) : null
    ])];
    if (pay.paid && pay.paid.length) {
      children.push(el('table', { className: 'payments' }, [
        el('thead', null, el('tr', null, ['拨付日期', '类别', '金额', '资金', '收款方'].map(function (h) {
          return el('th', { text: h });
        }))),
        el('tbody', null, pay.paid.map(function (x) {
          return el('tr', null, [el('td', { text: when(x.paidOn) }), el('td', { text: text(x.kindLabel) }),
            el('td', { className: 'amount', text: money(x.amount) }), el('td', { text: text(x.fundName) }),
            el('td', { text: text(x.payeeTypeLabel) })]);
        }))
      ]));
    } else {
      children.push(el('p', { className: 'meta', text: '尚未拨付。' }));
    }
    return el('div', { className: 'payment' }, children);
  }

  function followUp(p) {
    var f = p.followUp;
    if (!f) {
      return null;
    }
    return el('div', { className: 'follow-up' }, [el('h3', { text: '绩效跟踪' }), el('dl', { className: 'grid' }, [
      row('状态', text(f.statusLabel)),
      row('报送期', when(f.reportOpensOn) + ' 至 ' + when(f.reportDueOn)),
      f.rectifyDueOn ? row('整改期限', when(f.rectifyDueOn)) : null,
      row('已报送', f.reports + ' 次'),
      f.conclusion ? row('评价结论', (CONCLUSION[f.conclusion] || f.conclusion) + '(' + when(f.evaluatedAt) + ')') : null,
      f.opinion ? row('评价意见', f.opinion) : null,
      f.clawbackAmount ? row('追回金额', money(f.clawbackAmount)) : null
    ])]);
  }

  function project(p) {
    return el('section', { className: 'project', 'data-project-code': p.projectCode }, [
      el('h2', null, [text(p.projectName), el('span', { className: stageClass(p), text: text(p.stageLabel) })]),
      el('p', { className: 'meta' }, '备案编号 ' + text(p.projectCode) + ' · ' + text(p.enterpriseName) + ' · '
        + text(p.jurisdictionName) + ' · ' + text(p.unitName) + ' · 计划总投资 ' + money(p.plannedTotalInvestment)),
      el('h3', { text: '各环节日期' }),
      dates(p),
      el('h3', { text: '推荐与审定' }),
      decision(p),
      payment(p),
      followUp(p)
    ]);
  }

  function render(data) {
    $('user').textContent = '当前用户:' + text(data.user);
    var list = clear($('projects'));
    var items = data.items || [];
    if (!items.length) {
      status('empty', ['尚无备案项目,请在', tasklistLink(), '“启动流程”中提交备案。']);
      return;
    }
    status('', '共 ' + items.length + ' 个项目。');
    items.forEach(function (p) {
      list.appendChild(project(p));
    });
  }

  function load() {
    get(WHO).then(function (who) {
      if (!who || !who.userId) {
        throw new Refused(401, '');
      }
      return get(API);
    }).then(render).catch(failed);
  }

  document.addEventListener('DOMContentLoaded', load);
}());
