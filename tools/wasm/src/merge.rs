//! Fewer files for a deep link: the splitter's shared chunks, merged.
//!
//! The splitter puts the code that several split points share into one chunk
//! per set of split points sharing it. Six split points made 45 chunks, and
//! a deep link fetched up to 27 files besides the main module, most of them
//! under a kilobyte; on a slow connection each waits its turn for one of the
//! browser's few connections to the host.
//!
//! A chunk links to the rest only through what the main module shares with
//! every split module (its memory, its function table and its stack
//! pointer): it defines functions, puts them in table slots and data in
//! memory at fixed places, and exports nothing. So chunks merge by
//! concatenation, renumbering only their own types, functions and segments,
//! and a merged chunk works for every split point that needed any part of it.
//!
//! [`groups`] chooses what to merge: a split point that needs any chunk of a
//! group loads all of it, so each merge weighs bytes some split points did
//! not need against files others no longer fetch.

use std::collections::{BTreeMap, BTreeSet};

use wasm_encoder::reencode::{Error, Reencode};
use wasm_encoder::{
    CodeSection, DataCountSection, DataSection, ElementSection, EntityType, FunctionSection,
    ImportSection, Module, TypeSection,
};
use wasmparser::{Parser, Payload, TypeRef, ValType};

/// What one more file costs a split point, in bytes of optimised wasm: on
/// the mobile profile (150 ms round trip, 1.6 Mbps) a request that queues
/// for one of six connections costs about a sixth of a round trip, the time
/// of 5 KB at that speed, or about 2 KB compressed. Every file also puts
/// its name and integrity hash (about 50 bytes that do not compress) in
/// the start script, which the first load of every page carries: counted
/// as 5 KB more, so that files are not multiplied for small savings.
pub const FILE_COST: u64 = 10_000;

/// The chunks to put together, each group in the order given: `users` names
/// every chunk with the split points that need it, `size` its bytes.
///
/// Groups are merged two at a time, always the pair that saves the most, for
/// as long as one saves anything: merging A and B saves [`FILE_COST`] for
/// every split point that needs both, and costs B's bytes for every split
/// point that needed A alone, and A's for every one that needed B alone.
pub fn groups(
    users: &BTreeMap<String, BTreeSet<String>>,
    size: impl Fn(&str) -> u64,
) -> Vec<Vec<String>> {
    struct Group<'a> {
        chunks: Vec<String>,
        users: BTreeSet<&'a str>,
        bytes: u64,
    }
    let mut groups: Vec<Group> = users
        .iter()
        .map(|(chunk, users)| Group {
            chunks: vec![chunk.clone()],
            users: users.iter().map(String::as_str).collect(),
            bytes: size(chunk),
        })
        .collect();
    let gain = |a: &Group, b: &Group| {
        let both = a.users.intersection(&b.users).count() as u64;
        let a_alone = (a.users.len() as u64 - both) * b.bytes;
        let b_alone = (b.users.len() as u64 - both) * a.bytes;
        (both * FILE_COST).checked_sub(a_alone + b_alone)
    };
    loop {
        let mut best: Option<(u64, usize, usize)> = None;
        for i in 0..groups.len() {
            for j in i + 1..groups.len() {
                if let Some(saved) = gain(&groups[i], &groups[j]) {
                    if saved > 0 && best.is_none_or(|(most, ..)| saved > most) {
                        best = Some((saved, i, j));
                    }
                }
            }
        }
        let Some((_, i, j)) = best else { break };
        let b = groups.remove(j);
        let a = &mut groups[i];
        a.chunks.extend(b.chunks);
        a.users.extend(b.users);
        a.bytes += b.bytes;
    }
    groups.into_iter().map(|group| group.chunks).collect()
}

/// The chunks `modules` as one module.
pub fn merge(modules: &[Vec<u8>]) -> Result<Vec<u8>, String> {
    let mut merged = Merged::default();
    for (n, wasm) in modules.iter().enumerate() {
        merged
            .add(wasm)
            .map_err(|problem| format!("merging chunk {n} of {}: {problem}", modules.len()))?;
    }
    Ok(merged.finish())
}

/// The module being built, section by section.
#[derive(Default)]
struct Merged {
    /// Each distinct function type, by parameters and results.
    types: Vec<(Vec<ValType>, Vec<ValType>)>,
    /// What the chunks import, each once: the shared memory, table and stack
    /// pointer, by name.
    imports: Vec<(String, String, EntityType)>,
    functions: FunctionSection,
    function_count: u32,
    elements: ElementSection,
    element_count: u32,
    code: CodeSection,
    data: DataSection,
    data_count: u32,
    /// Whether any chunk declared its count of data segments, which
    /// `memory.init` needs.
    counts_data: bool,
}

/// Where one chunk's indices go in the merged module.
#[derive(Default)]
struct Renumber {
    types: Vec<u32>,
    /// Its globals are all imported: where each went.
    globals: Vec<u32>,
    functions: u32,
    elements: u32,
    data: u32,
    function_count: u32,
}

impl Reencode for Renumber {
    type Error = String;

    fn type_index(&mut self, ty: u32) -> Result<u32, Error<String>> {
        self.types
            .get(ty as usize)
            .copied()
            .ok_or_else(|| Error::UserError(format!("type {ty} is not declared")))
    }

    fn function_index(&mut self, func: u32) -> Result<u32, Error<String>> {
        if func >= self.function_count {
            return Err(Error::UserError(format!("function {func} is not declared")));
        }
        Ok(self.functions + func)
    }

    fn global_index(&mut self, global: u32) -> Result<u32, Error<String>> {
        self.globals
            .get(global as usize)
            .copied()
            .ok_or_else(|| Error::UserError(format!("global {global} is not imported")))
    }

    fn element_index(&mut self, element: u32) -> Result<u32, Error<String>> {
        Ok(self.elements + element)
    }

    fn data_index(&mut self, data: u32) -> Result<u32, Error<String>> {
        Ok(self.data + data)
    }
}

fn reencoding(error: Error<String>) -> String {
    match error {
        Error::UserError(problem) => problem,
        other => other.to_string(),
    }
}

fn parsing(error: wasmparser::BinaryReaderError) -> String {
    error.to_string()
}

impl Merged {
    fn add(&mut self, wasm: &[u8]) -> Result<(), String> {
        let mut renumber = Renumber {
            functions: self.function_count,
            elements: self.element_count,
            data: self.data_count,
            ..Renumber::default()
        };
        for payload in Parser::new(0).parse_all(wasm) {
            match payload.map_err(parsing)? {
                Payload::Version { .. } | Payload::CustomSection(_) | Payload::End(_) => {}
                Payload::TypeSection(reader) => {
                    for ty in reader.into_iter_err_on_gc_types() {
                        let ty = ty.map_err(parsing)?;
                        let key = (ty.params().to_vec(), ty.results().to_vec());
                        let at = match self.types.iter().position(|known| *known == key) {
                            Some(at) => at,
                            None => {
                                self.types.push(key);
                                self.types.len() - 1
                            }
                        };
                        renumber.types.push(at as u32);
                    }
                }
                Payload::ImportSection(reader) => {
                    for import in reader.into_imports() {
                        let import = import.map_err(parsing)?;
                        let at = self.import(import.module, import.name, import.ty)?;
                        if matches!(import.ty, TypeRef::Global(_)) {
                            renumber.globals.push(at);
                        }
                    }
                }
                Payload::FunctionSection(reader) => {
                    for ty in reader {
                        self.functions.function(
                            renumber
                                .type_index(ty.map_err(parsing)?)
                                .map_err(reencoding)?,
                        );
                        renumber.function_count += 1;
                    }
                }
                Payload::ElementSection(reader) => {
                    for element in reader {
                        renumber
                            .parse_element(&mut self.elements, element.map_err(parsing)?)
                            .map_err(reencoding)?;
                        self.element_count += 1;
                    }
                }
                Payload::DataCountSection { .. } => self.counts_data = true,
                Payload::CodeSectionStart { .. } => {}
                Payload::CodeSectionEntry(body) => {
                    renumber
                        .parse_function_body(&mut self.code, body)
                        .map_err(reencoding)?;
                }
                Payload::DataSection(reader) => {
                    for datum in reader {
                        renumber
                            .parse_data(&mut self.data, datum.map_err(parsing)?)
                            .map_err(reencoding)?;
                        self.data_count += 1;
                    }
                }
                other => {
                    // Exports, a start function, tables, memories or globals
                    // of its own: a chunk of another shape, which may not
                    // merge by concatenation.
                    return Err(format!(
                        "it has a section chunks do not have ({:?})",
                        other.as_section().map(|(id, _)| id)
                    ));
                }
            }
        }
        self.function_count += renumber.function_count;
        Ok(())
    }

    /// The index of the import `module`.`name` among those of its kind,
    /// added if it is new. Only globals are counted: a chunk shares one
    /// memory and one table, index 0 in every module.
    fn import(&mut self, module: &str, name: &str, ty: TypeRef) -> Result<u32, String> {
        let entity = match ty {
            TypeRef::Global(_) | TypeRef::Memory(_) | TypeRef::Table(_) => EntityType::try_from(ty)
                .map_err(|_| format!("the import {module}.{name} cannot be written again"))?,
            _ => {
                return Err(format!(
                    "it imports {module}.{name}, which is not shared data"
                ))
            }
        };
        let same_kind =
            |e: &EntityType| std::mem::discriminant(e) == std::mem::discriminant(&entity);
        let mut index = 0;
        for (known_module, known_name, known) in &self.imports {
            if !same_kind(known) {
                continue;
            }
            if known_module == module && known_name == name {
                if *known != entity {
                    return Err(format!("{module}.{name} is imported as two types"));
                }
                return Ok(index);
            }
            index += 1;
        }
        if index > 0 && !matches!(entity, EntityType::Global(_)) {
            return Err(format!("{module}.{name} would be a second memory or table"));
        }
        self.imports
            .push((module.to_owned(), name.to_owned(), entity));
        Ok(index)
    }

    fn finish(self) -> Vec<u8> {
        let mut module = Module::new();
        let mut types = TypeSection::new();
        for (params, results) in &self.types {
            let value = |ty: &ValType| {
                wasm_encoder::reencode::RoundtripReencoder
                    .val_type(*ty)
                    .expect("a value type of a module without GC types")
            };
            types
                .ty()
                .function(params.iter().map(value), results.iter().map(value));
        }
        let mut imports = ImportSection::new();
        for (module, name, ty) in &self.imports {
            imports.import(module, name, *ty);
        }
        module.section(&types).section(&imports);
        if self.function_count > 0 {
            module.section(&self.functions);
        }
        if self.element_count > 0 {
            module.section(&self.elements);
        }
        if self.counts_data {
            module.section(&DataCountSection {
                count: self.data_count,
            });
        }
        if self.function_count > 0 {
            module.section(&self.code);
        }
        if self.data_count > 0 {
            module.section(&self.data);
        }
        module.finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_encoder::{
        ConstExpr, Elements, Function, GlobalType, Instruction, MemoryType, RefType, TableType,
        ValType as Val,
    };
    use wasmparser::{ElementItems, ElementKind, Operator};

    /// A chunk as the splitter writes them: the shared imports, then
    /// `functions` (each returning its number, the first calling the last),
    /// put in the table from `slot`, and `data` at memory address `address`.
    fn chunk(functions: i32, slot: i32, data: &[u8], address: i32, stack: bool) -> Vec<u8> {
        let mut module = Module::new();
        let mut types = TypeSection::new();
        types.ty().function([], []);
        types.ty().function([], [Val::I32]);
        let mut imports = ImportSection::new();
        if stack {
            imports.import(
                "__wasm_split",
                "__wasm_split_shared0",
                GlobalType {
                    val_type: Val::I32,
                    mutable: true,
                    shared: false,
                },
            );
        }
        imports.import(
            "__wasm_split",
            "__indirect_function_table",
            TableType {
                element_type: RefType::FUNCREF,
                table64: false,
                minimum: 64,
                maximum: None,
                shared: false,
            },
        );
        imports.import(
            "__wasm_split",
            "memory",
            MemoryType {
                minimum: 1,
                maximum: None,
                memory64: false,
                shared: false,
                page_size_log2: None,
            },
        );
        let mut declared = FunctionSection::new();
        let mut code = CodeSection::new();
        for n in 0..functions {
            declared.function(1);
            let mut body = Function::new([]);
            if stack {
                body.instruction(&Instruction::GlobalGet(0))
                    .instruction(&Instruction::Drop);
            }
            if n == 0 && functions > 1 {
                body.instruction(&Instruction::Call(functions as u32 - 1))
                    .instruction(&Instruction::Drop);
            }
            body.instruction(&Instruction::I32Const(n))
                .instruction(&Instruction::End);
            code.function(&body);
        }
        let mut elements = ElementSection::new();
        let listed: Vec<u32> = (0..functions as u32).collect();
        elements.active(
            None,
            &ConstExpr::i32_const(slot),
            Elements::Functions(listed.into()),
        );
        let mut segments = DataSection::new();
        segments.active(0, &ConstExpr::i32_const(address), data.iter().copied());
        module
            .section(&types)
            .section(&imports)
            .section(&declared)
            .section(&elements)
            .section(&DataCountSection { count: 1 })
            .section(&code)
            .section(&segments);
        module.finish()
    }

    fn valid(wasm: &[u8]) {
        wasmparser::Validator::new()
            .validate_all(wasm)
            .expect("a valid module");
    }

    /// Every active element segment: its slot and the functions it lists.
    fn slots(wasm: &[u8]) -> Vec<(i32, Vec<u32>)> {
        let mut found = Vec::new();
        for payload in Parser::new(0).parse_all(wasm) {
            if let Payload::ElementSection(reader) = payload.unwrap() {
                for element in reader {
                    let element = element.unwrap();
                    let ElementKind::Active { offset_expr, .. } = element.kind else {
                        panic!("a passive segment")
                    };
                    let Operator::I32Const { value } =
                        offset_expr.get_operators_reader().read().unwrap()
                    else {
                        panic!("an offset that is not a constant")
                    };
                    let ElementItems::Functions(functions) = element.items else {
                        panic!("expressions")
                    };
                    found.push((value, functions.into_iter().map(Result::unwrap).collect()));
                }
            }
        }
        found
    }

    /// Every `call` in the code, as the function called.
    fn calls(wasm: &[u8]) -> Vec<u32> {
        let mut found = Vec::new();
        for payload in Parser::new(0).parse_all(wasm) {
            if let Payload::CodeSectionEntry(body) = payload.unwrap() {
                for op in body.get_operators_reader().unwrap() {
                    if let Operator::Call { function_index } = op.unwrap() {
                        found.push(function_index);
                    }
                }
            }
        }
        found
    }

    #[test]
    fn merged_chunks_keep_their_slots_their_calls_and_their_data() {
        let a = chunk(3, 10, b"first", 1024, true);
        let b = chunk(2, 40, b"second", 2048, false);
        let c = chunk(1, 7, b"", 4096, true);
        for wasm in [&a, &b, &c] {
            valid(wasm);
        }
        let merged = merge(&[a, b, c]).unwrap();
        valid(&merged);
        // Each chunk's functions fill the slots they filled, renumbered.
        assert_eq!(
            slots(&merged),
            [(10, vec![0, 1, 2]), (40, vec![3, 4]), (7, vec![5])]
        );
        // Calls within a chunk follow its functions.
        assert_eq!(calls(&merged), [2, 4]);
        // One stack pointer, memory and table; the types each once.
        let types = wasmparser::Validator::new().validate_all(&merged).unwrap();
        let types = types.as_ref();
        assert_eq!(types.global_count(), 1);
        assert_eq!(types.table_count(), 1);
        assert_eq!(types.memory_count(), 1);
        assert_eq!(types.core_type_count_in_module(), 2);
        let data: Vec<Vec<u8>> = Parser::new(0)
            .parse_all(&merged)
            .filter_map(|p| match p.unwrap() {
                Payload::DataSection(reader) => Some(
                    reader
                        .into_iter()
                        .map(|d| d.unwrap().data.to_vec())
                        .collect::<Vec<_>>(),
                ),
                _ => None,
            })
            .flatten()
            .collect();
        assert_eq!(data, [b"first".to_vec(), b"second".to_vec(), Vec::new()]);
    }

    #[test]
    fn a_chunk_of_another_shape_fails_the_build() {
        let mut exports = Module::new();
        let mut types = TypeSection::new();
        types.ty().function([], []);
        let mut declared = FunctionSection::new();
        declared.function(0);
        let mut section = wasm_encoder::ExportSection::new();
        section.export("f", wasm_encoder::ExportKind::Func, 0);
        let mut code = CodeSection::new();
        let mut body = Function::new([]);
        body.instruction(&Instruction::End);
        code.function(&body);
        exports
            .section(&types)
            .section(&declared)
            .section(&section)
            .section(&code);
        let problem = merge(&[chunk(1, 0, b"", 0, true), exports.finish()]).unwrap_err();
        assert!(problem.contains("chunk 1 of 2"), "{problem}");
        assert!(merge(&[b"not wasm".to_vec()]).is_err());
    }

    fn users(of: &[(&str, &[&str])]) -> BTreeMap<String, BTreeSet<String>> {
        of.iter()
            .map(|(chunk, users)| {
                (
                    chunk.to_string(),
                    users.iter().map(|user| user.to_string()).collect(),
                )
            })
            .collect()
    }

    #[test]
    fn small_chunks_join_the_large_ones_their_split_points_need() {
        let chunks = users(&[
            ("big_ab", &["a", "b"]),
            ("big_bc", &["b", "c"]),
            ("tiny_ab", &["a", "b"]),
            ("tiny_abc", &["a", "b", "c"]),
            ("tiny_bc", &["b", "c"]),
        ]);
        let size = |name: &str| {
            if name.starts_with("big") {
                100_000
            } else {
                100
            }
        };
        // Each tiny chunk joins the large one its split points need anyway;
        // the one all three need stays apart rather than weigh on either.
        assert_eq!(
            groups(&chunks, size),
            [
                vec!["big_ab".to_string(), "tiny_ab".to_string()],
                vec!["big_bc".to_string(), "tiny_bc".to_string()],
                vec!["tiny_abc".to_string()],
            ]
        );
    }

    #[test]
    fn chunks_needed_by_the_same_split_points_always_merge() {
        let chunks = users(&[
            ("one", &["a", "b"]),
            ("two", &["a", "b"]),
            ("three", &["c"]),
        ]);
        assert_eq!(
            groups(&chunks, |_| 1_000_000),
            [
                vec!["one".to_string(), "two".to_string()],
                vec!["three".to_string()]
            ]
        );
    }
}
