/* Types shared by the genksyms fixtures. KABI_V2 is the "next release": each change below is one
 * a kABI reviewer must find (tests/core/genksyms_test.cpp, docs/genksyms-symtypes.md). */
typedef unsigned int u32;
typedef unsigned long long u64;
typedef u32 gfp_t;
typedef _Bool bool;

struct list_head {
	struct list_head *next, *prev;
};

enum zone_type {
	ZONE_DMA,
	ZONE_NORMAL = 4,
#ifdef KABI_V2
	ZONE_DEVICE,		/* added before the end marker: MAX_NR_ZONES moves */
#endif
	ZONE_MOVABLE,
	MAX_NR_ZONES
};

enum { ANON_A = -3, ANON_B = (1 << 4) | 2 };

struct page;			/* never defined: an opaque declaration */
struct kobject;
#ifdef KABI_V2
struct kobject { const char *name; struct list_head entry; };	/* became defined */
#endif

union map_key {
	u32 id;
	u64 cookie;
	struct { u32 lo, hi; } parts;
};

struct stats {
	u64 rx_packets;
#ifdef KABI_V2
	u64 rx_dropped;		/* a member inserted */
#endif
	u64 tx_packets;
	unsigned int flags : 3, busy : 1;
	int counts[MAX_NR_ZONES];
};

struct device {
	const char *name;
	struct device *parent;
	struct kobject *kobj;
	struct page *pages[4];
	struct stats stats;
	union map_key key;
	void (*release)(struct device *dev);
	int (*probe)(struct device *, const struct list_head *, ...);
	struct list_head node;
	gfp_t gfp;
#ifdef KABI_V2
	long private_data;	/* retyped from int */
#else
	int private_data;
#endif
	union {
		struct { int a; char b; };
		long raw[2];
	};
	volatile unsigned long state;
	enum zone_type zone;
	bool registered;
} __attribute__((aligned(8)));

typedef struct device device_t;
typedef int (*device_cb)(device_t *, void *);

/* Declared extern here and defined in core.c: genksyms -T writes "extern" in the symbol's
 * record but does not hash it. */
extern int device_register(struct device *dev);

/* Types defined inside extern declarations (the kernel's efi and system_state): genksyms writes
 * "extern" at the start of the type's own record too, and does not hash it there either. */
extern struct fw_table { int revision; struct list_head entries; } fw_table;
extern enum boot_state { BOOTING, RUNNING } boot_state;
