/* Runs before the app, in any browser (ES5 on purpose: old IE and compatibility modes must run it
   too). Where the browser cannot run the app, it shows a message in plain Chinese instead of a
   blank page: when WebAssembly is missing, when it lacks the features the app is compiled with,
   or when the app fails to start. */
(function () {
  // A tiny module using the WebAssembly features the app needs: mutable globals, sign extension,
  // non-trapping float-to-int, multi-value, bulk memory and reference types.
  var FEATURES = [0, 97, 115, 109, 1, 0, 0, 0, 1, 6, 1, 96, 0, 2, 127, 127, 3, 2, 1, 0, 4, 4, 1,
    111, 0, 1, 5, 3, 1, 0, 1, 6, 6, 1, 127, 1, 65, 0, 11, 7, 5, 1, 1, 103, 3, 0, 10, 32, 1, 30, 1,
    1, 127, 65, 0, 192, 67, 0, 0, 0, 0, 252, 0, 33, 0, 65, 0, 65, 0, 65, 0, 252, 11, 0, 208, 111,
    26, 32, 0, 11];
  var supported = false;
  try {
    supported = typeof WebAssembly === "object" && typeof Uint8Array === "function" &&
      WebAssembly.validate(new Uint8Array(FEATURES));
  } catch (e) {
    supported = false;
  }

  function started() {
    return !!document.querySelector(".toolbar");
  }

  function show(detail) {
    var box = document.getElementById("unsupported");
    if (!box) {
      return;
    }
    box.style.display = "block";
    if (detail) {
      var p = document.getElementById("unsupported-detail");
      if (p) {
        p.appendChild(document.createTextNode("（技术信息：" + detail + "）"));
      }
    }
  }

  function whenReady(fn) {
    if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", fn);
    } else {
      fn();
    }
  }

  window.selfevalSupported = supported;
  if (!supported) {
    whenReady(function () { show("WebAssembly 不可用或版本过旧"); });
    return;
  }
  // The browser looked able, but the app did not start: say so rather than stay blank.
  function failed(event) {
    if (started()) {
      return;
    }
    var reason = event && (event.message || (event.reason && (event.reason.message || event.reason)));
    whenReady(function () { show(String(reason || "启动失败")); });
  }
  window.addEventListener("error", failed);
  window.addEventListener("unhandledrejection", failed);
})();
