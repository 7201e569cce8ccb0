// Says why Rungs could not start, and what to do, where "Loading Rungs…"
// stands: never a blank page, never a page that loads forever.
//
// A classic script, loaded before the app's module and without `crossorigin`
// or `integrity`, so that it runs where the module cannot: a page opened
// from disk, or a sandboxed frame on a host that sends no
// Access-Control-Allow-Origin. Written for old browsers too (no arrow
// functions, no `let`), so that it can tell them they are too old.
//
// It hears of the module failing to load (a resource error, caught on its
// way down to the script), and of the app failing to start once loaded
// (the start script's `rungs:failed` event, with the error).
(function () {
  var said = false;

  function say(text) {
    var line = document.querySelector('#app .boot');
    // The app is on screen (it replaced the line), or a reason is shown.
    if (!line || said) return;
    said = true;
    line.textContent = text;
    line.setAttribute('role', 'alert');
  }

  // Once the page is parsed: the line is in the body, after this script.
  function sayWhenParsed(text) {
    if (document.readyState === 'loading') {
      document.addEventListener('DOMContentLoaded', function () {
        say(text);
      });
    } else {
      say(text);
    }
  }

  var browsers = ' Use a current Chrome, Edge, Firefox or Safari.';

  function reason(error) {
    var detail = error && error.message ? String(error.message) : '';
    if (typeof WebAssembly !== 'object') return 'This browser cannot run WebAssembly, which Rungs needs.' + browsers;
    if (location.protocol === 'file:') {
      return 'Opened from disk, Rungs cannot load its code. Open the single-file build (rungs.html), or serve this folder from a web server.';
    }
    if (self.origin === 'null') {
      return 'Rungs is in a sandboxed frame whose host sends no Access-Control-Allow-Origin header, so its code is blocked. Use the single-file build, or ask the wiki administrator to add the header.';
    }
    if (/WebAssembly|wasm|Content Security Policy|unsafe-eval/i.test(detail)) {
      return "This page's Content Security Policy blocks Rungs' WebAssembly: the host must allow 'wasm-unsafe-eval' in script-src.";
    }
    return 'Rungs could not load its code' + (detail ? ' (' + detail + ')' : '') + '. Check your connection, then reload the page.';
  }

  if (!('noModule' in document.createElement('script'))) {
    sayWhenParsed('This browser is too old for Rungs.' + browsers);
    return;
  }
  if (typeof WebAssembly !== 'object') {
    sayWhenParsed(reason());
    return;
  }
  // A script that fails to load fires `error` on itself; it does not
  // bubble, but passes the window on its way down.
  addEventListener('error', function (event) {
    var target = event.target;
    if (target && target.tagName === 'SCRIPT' && target.type === 'module') sayWhenParsed(reason());
  }, true);
  addEventListener('rungs:failed', function (event) {
    sayWhenParsed(reason(event.detail));
  });
})();
