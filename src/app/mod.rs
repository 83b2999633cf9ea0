//! The browser app (wasm only).
