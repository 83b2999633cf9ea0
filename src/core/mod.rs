//! The pure core: the report's model and outline, amounts, the checks, the figures, the draft
//! file, the exports and the stored-entry format. Plain Rust with no web dependency: it compiles
//! natively for the command line and to wasm for the app unchanged, and `cargo test` tests it.
//!
//! Dependencies point one way inside it: `json`, `order` (the one sort) and `text` depend on
//! nothing here; `model` on `json` (a draft's unknown fields); `outline` on `model`; `amount` on
//! `text`; `values` (the numbers, read once) on those; `figures` on `values`; `checks` on all of
//! them; `draft_file` and `export` on the model; `stored` on the model and export's file names;
//! `backup` on `draft_file` and `stored`; `shown` (what the form shows of the findings) on
//! `checks`; `rollover` (next year's draft) on `outline` and `amount`; `scorecard` (the 自评表's
//! figures) on `values` and `figures`.

pub mod amount;
pub mod backup;
pub mod checks;
pub mod draft_file;
pub mod export;
pub mod figures;
pub mod finding;
pub mod json;
pub mod model;
pub mod order;
pub mod outline;
pub mod reader;
pub mod report_file;
pub mod rollover;
pub mod sample;
pub mod scorecard;
pub mod shown;
pub mod stored;
pub mod text;
pub(crate) mod values;
