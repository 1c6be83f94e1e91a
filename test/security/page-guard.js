/**
 * Loaded first on every page of the security tests (a module in web-test-runner, an init script in
 * playwright): records any payload that runs (`__xss(n)`), every Content-Security-Policy violation and every
 * uncaught error, and offers `__injected()`, an inspection of the document and every shadow root for what a
 * payload would create. Plain JavaScript with no imports, so both runners load the same file as it is.
 */
(() => {
  const guard = { ran: [], violations: [], errors: [] };
  window.__guard = guard;
  window.__xss = (n) => guard.ran.push(String(n));
  document.addEventListener('securitypolicyviolation', (e) => {
    guard.violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber} ${e.sample}`);
  }, true);
  window.addEventListener('error', (e) => {
    // Resource errors (an injected <img src=x>) arrive here too, in the capture phase, without a message.
    const target = e.target;
    const what = target && target !== window && target.tagName ? `<${target.tagName.toLowerCase()}> failed to load` : e.message;
    guard.errors.push(String(what));
  }, true);

  /** Tags no template of the elements renders: one found means a payload became markup. */
  const FOREIGN = new Set(['script', 'iframe', 'object', 'embed', 'base', 'meta', 'link', 'marquee', 'math',
    'template', 'noscript', 'video', 'audio', 'source', 'frame', 'frameset', 'style', 'animate', 'set', 'foreignobject', 'b', 'details']);
  const URL_ATTRIBUTES = ['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'srcdoc', 'poster'];
  const scriptUrl = (value) => /^javascript:/i.test(value.replace(/[\u0000-\u0020]/g, ''));

  /** Every node tree of the page: the document and each open shadow root, however deep. */
  function roots() {
    const found = [document];
    for (let i = 0; i < found.length; i++) {
      for (const el of found[i].querySelectorAll('*')) if (el.shadowRoot) found.push(el.shadowRoot);
    }
    return found;
  }

  /** What payloads managed to create, described; empty when nothing was injected. */
  window.__injected = () => {
    const problems = [];
    for (const root of roots()) {
      const inShadow = root !== document;
      for (const el of root.querySelectorAll('*')) {
        const tag = el.localName;
        // The test page's own scripts and styles live in the document head; inside the elements there are none.
        if (FOREIGN.has(tag) && (inShadow || el.closest('body'))) {
          // The test runner's own scripts sit directly in <head> or <body>; none belongs anywhere deeper.
          const runner = tag === 'script' && !inShadow && (el.parentElement === document.body || el.parentElement === document.head);
          if (!runner) problems.push(`<${tag}> element`);
        }
        if (el.id && /xss/i.test(el.id)) problems.push(`<${tag} id=${el.id}>`);
        if (typeof el.className === 'string' && /\bxss\b/i.test(el.className)) problems.push(`<${tag} class=${el.className}>`);
        for (const attr of el.attributes) {
          const name = attr.name.toLowerCase();
          if (name.startsWith('on')) problems.push(`<${tag} ${name}>`);
          if (name.includes('xss')) problems.push(`<${tag} ${name}>`);
          if (URL_ATTRIBUTES.includes(name) && scriptUrl(attr.value)) problems.push(`<${tag} ${name}="${attr.value}">`);
        }
      }
    }
    return problems;
  };

})();
