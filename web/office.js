/* The on-demand module (src/office.rs: the Word writer, the .docx reader, the reader of a
   report's text and the HTML export), loaded the first time the app asks for it:
   `selfevalOffice(name, argument)` returns a promise of the result;
   `selfevalOffice.now(name, argument)` the result itself once the module is loaded, and until
   then null, starting the load (printing needs its page at once); `selfevalOffice.load()` a
   promise that it is loaded, `selfevalOffice.loaded()` whether it is.
   Hosted, it fetches ./office.js and ./office_bg.wasm (the service worker caches both with the
   rest, so it works offline after one visit); the single-file edition carries both inline, in
   the text/plain scripts #selfeval-office-js and #selfeval-office-wasm. A failed load can be
   retried; its message says what to do. */
window.selfevalOffice = (function () {
  var LOAD_FAILED = "无法加载报告读写组件（网络中断，或本页面更新后未刷新）：请检查网络后刷新页面再试。" +
    "若要在没有网络时使用，请先在联网时打开一次本页面。";
  var loading = null;
  var ready = null;

  function inline(id) {
    var element = document.getElementById(id);
    return element ? element.textContent : null;
  }

  function wasm() {
    var base64 = inline("selfeval-office-wasm");
    if (base64 === null) {
      return "./office_bg.wasm";
    }
    return Uint8Array.from(atob(base64.trim()), function (c) { return c.charCodeAt(0); });
  }

  function start(resolve, reject) {
    if (typeof wasm_bindgen !== "function") {
      reject(LOAD_FAILED);
      return;
    }
    wasm_bindgen({ module_or_path: wasm() }).then(function () {
      ready = wasm_bindgen;
      resolve(wasm_bindgen);
    }, function () {
      reject(LOAD_FAILED);
    });
  }

  function load() {
    if (loading) {
      return loading;
    }
    loading = new Promise(function (resolve, reject) {
      // The glue ran on an earlier try: only the module is left to fetch.
      if (typeof wasm_bindgen === "function") {
        start(resolve, reject);
        return;
      }
      var script = document.createElement("script");
      var js = inline("selfeval-office-js");
      if (js !== null) {
        script.textContent = js;
        document.head.appendChild(script);
        start(resolve, reject);
        return;
      }
      script.src = "./office.js";
      script.onload = function () { start(resolve, reject); };
      script.onerror = function () { reject(LOAD_FAILED); };
      document.head.appendChild(script);
    });
    loading.catch(function () {
      loading = null;
    });
    return loading;
  }

  function call(name, argument) {
    return load().then(function (module) {
      return module[name](argument);
    });
  }
  call.now = function (name, argument) {
    if (ready) {
      return ready[name](argument);
    }
    load().catch(function () {});
    return null;
  };
  call.load = load;
  call.loaded = function () {
    return ready !== null;
  };
  return call;
})();
