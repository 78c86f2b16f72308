/* EXPORT_SYMBOL for the demo, in the shape kbuild emits under CONFIG_GENDWARFKSYMS:
 * a label __export_symbol_<name> starting a (license, namespace, address) record in
 * .export_symbol, and a pointer __gendwarfksyms_ptr_<name> that keeps the type in DWARF. */
#ifndef FIXTURE_EXPORT_H
#define FIXTURE_EXPORT_H

#define KS_EXPORT(name, license, ns)                                          \
	extern __typeof__(name) name;                                         \
	static __typeof__(name) *__gendwarfksyms_ptr_##name                    \
		__attribute__((__used__, __section__(".discard.gendwarfksyms"))) = &name; \
	__asm__(".pushsection .export_symbol,\"a\"\n"                         \
		"__export_symbol_" #name ":\n"                                \
		"\t.asciz \"" license "\"\n"                                  \
		"\t.asciz \"" ns "\"\n"                                       \
		"\t.balign 8\n"                                               \
		"\t.quad " #name "\n"                                         \
		".popsection\n")

#define EXPORT_SYMBOL(name) KS_EXPORT(name, "", "")
#define EXPORT_SYMBOL_GPL(name) KS_EXPORT(name, "GPL", "")
#define EXPORT_SYMBOL_NS_GPL(name, ns) KS_EXPORT(name, "GPL", ns)

/* kABI rule records for --stable: "1", kind, target, value. */
#define KS_RULE(kind, target, value)                                          \
	__asm__(".pushsection .discard.gendwarfksyms.kabi_rules,\"a\"\n"      \
		"\t.asciz \"1\"\n\t.asciz \"" kind "\"\n"                     \
		"\t.asciz \"" target "\"\n\t.asciz \"" value "\"\n"           \
		".popsection\n")

#endif
