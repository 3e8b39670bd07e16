/**
 * In-page accessibility checks, as a script string (no bundler helpers leak into the page):
 * every visible control has an accessible name, and visible text has WCAG AA contrast
 * (4.5:1, or 3:1 for large text) against its nearest opaque background.
 */
export const A11Y_SCRIPT = `(() => {
  function visible(el) { var r = el.getBoundingClientRect(); var s = getComputedStyle(el); return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none' && !el.closest('[aria-hidden="true"]'); }
  function parse(c) { var m = c.match(/rgba?\\(([^)]+)\\)/); if (!m) return null; var p = m[1].split(',').map(Number); return { r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1 }; }
  function lum(c) { var f = function (v) { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); }; return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b); }
  function bg(el) { for (var e = el; e; e = e.parentElement) { var c = parse(getComputedStyle(e).backgroundColor); if (c && c.a > 0.9) return c; } return { r: 255, g: 255, b: 255, a: 1 }; }
  var unnamed = [];
  document.querySelectorAll('input, select, textarea, button').forEach(function (el) {
    if (!visible(el)) return;
    var name = (el.getAttribute('aria-label') || '').trim() || (el.labels && el.labels.length ? el.labels[0].textContent.trim() : '') || (el.tagName === 'BUTTON' ? el.textContent.trim() : '') || (el.getAttribute('title') || '').trim();
    if (!name) unnamed.push(el.outerHTML.slice(0, 120));
  });
  var low = [];
  var seen = new Set();
  document.querySelectorAll('body *').forEach(function (el) {
    if (!visible(el) || el.closest('svg')) return;
    var own = Array.prototype.some.call(el.childNodes, function (n) { return n.nodeType === 3 && n.textContent.trim().length > 0; });
    if (!own) return;
    var s = getComputedStyle(el);
    var fg = parse(s.color); if (!fg) return;
    var b = bg(el);
    var l1 = lum(fg), l2 = lum(b);
    var ratio = (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
    var size = parseFloat(s.fontSize); var bold = Number(s.fontWeight) >= 700;
    var need = size >= 24 || (bold && size >= 18.66) ? 3 : 4.5;
    if (ratio < need) { var key = el.tagName + '.' + el.className + ' ' + s.color + ' on ' + JSON.stringify(b); if (!seen.has(key)) { seen.add(key); low.push(key + ' ratio ' + ratio.toFixed(2) + ': ' + el.textContent.trim().slice(0, 40)); } }
  });
  return { unnamed: unnamed, low: low };
})()`;
