// Helpers shared by the app's own pages (/rules/, /my-projects/): DOM building with text only (never HTML), and
// amounts in 元 computed exactly (BigInt cents, half-up), grouped by thousands. Loaded before each page's script;
// exposes window.TcPage.
(function () {
  'use strict';

  function $(id) {
    return document.getElementById(id);
  }

  /** An element with attributes (className, type, …) and children: strings become text nodes. */
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (k) {
        var v = attrs[k];
        if (v === null || v === undefined || v === false) {
          return;
        }
        if (k === 'className') {
          node.className = v;
        } else if (k === 'text') {
          node.textContent = v;
        } else if (k.indexOf('on') === 0 && typeof v === 'function') {
          node.addEventListener(k.substring(2), v);
        } else if (v === true) {
          node.setAttribute(k, '');
        } else {
          node.setAttribute(k, String(v));
        }
      });
    }
    append(node, children);
    return node;
  }

  function append(node, children) {
    if (children === null || children === undefined) {
      return node;
    }
    if (!Array.isArray(children)) {
      children = [children];
    }
    children.forEach(function (c) {
      if (c === null || c === undefined || c === false) {
        return;
      }
      node.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
    });
    return node;
  }

  function clear(node) {
    while (node.firstChild) {
      node.removeChild(node.firstChild);
    }
    return node;
  }

  function text(v) {
    return v === null || v === undefined || v === '' ? '—' : String(v);
  }

  // ---------------------------------------------------------------- formatting

  /** Cents of an amount in 元 (JSON number or decimal string), half-up to 0.01, as a BigInt; null if not an amount. */
  function cents(v) {
    if (v === null || v === undefined || v === '') {
      return null;
    }
    var s = typeof v === 'number' ? (Number.isFinite(v) ? numberToPlain(v) : '') : String(v).trim().replace(/,/g, '');
    var m = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(s);
    if (!m || (m[2] === '' && (m[3] === undefined || m[3] === ''))) {
      return null;
    }
    var negative = m[1] === '-';
    var frac = (m[3] || '') + '000';
    var c = BigInt(m[2] || '0') * 100n + BigInt(frac.substring(0, 2));
    if (frac.charAt(2) >= '5') {
      c += 1n;
    }
    return negative ? -c : c;
  }

  /** A JS number as a plain decimal string (no exponent). */
  function numberToPlain(n) {
    var s = String(n);
    if (!/e/i.test(s)) {
      return s;
    }
    return n.toFixed(Math.min(20, Math.max(0, -Math.floor(Math.log10(Math.abs(n))) + 4)));
  }

  function groupThousands(digits) {
    return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  }

  /** BigInt cents divided by 10^scale, rounded half-up to 2 decimals, with thousands separators. */
  function scaled(c, scale) {
    var negative = c < 0n;
    var a = negative ? -c : c;
    var divisor = 10n ** BigInt(scale);
    var q = (a + divisor / 2n) / divisor; // hundredths of the unit, half-up
    var whole = q / 100n;
    var frac = String(q % 100n).padStart(2, '0');
    return (negative && q !== 0n ? '-' : '') + groupThousands(String(whole)) + '.' + frac;
  }

  /** E.g. 「420,000.00 元(42.00 万元)」; 「—」 when there is no amount. */

  /** An amount in 元 as 「1,200,000.00 元(120.00 万元)」; 「—」 when there is none. */
  function money(v) {
    var c = cents(v);
    if (c === null) {
      return text(v);
    }
    return scaled(c, 0) + ' 元(' + scaled(c, 4) + ' 万元)';
  }

  window.TcPage = {
    $: $, el: el, append: append, clear: clear, text: text, cents: cents, scaled: scaled, money: money
  };
})();
