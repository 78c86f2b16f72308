# 0 "core.c"
# 0 "<built-in>"
# 0 "<command-line>"
# 1 "core.c"
# 1 "kabi.h" 1


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



 ZONE_MOVABLE,
 MAX_NR_ZONES
};

enum { ANON_A = -3, ANON_B = (1 << 4) | 2 };

struct page;
struct kobject;




union map_key {
 u32 id;
 u64 cookie;
 struct { u32 lo, hi; } parts;
};

struct stats {
 u64 rx_packets;



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



 int private_data;

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



extern int device_register(struct device *dev);



extern struct fw_table { int revision; struct list_head entries; } fw_table;
extern enum boot_state { BOOTING, RUNNING } boot_state;
# 2 "core.c" 2

struct device *device_create(struct device *parent, const char *fmt, ...) { return 0; }
__GENKSYMS_EXPORT_SYMBOL(device_create);

int device_for_each(struct device *start, device_cb cb, void *data) { return 0; }
__GENKSYMS_EXPORT_SYMBOL(device_for_each);

struct list_head device_list;
__GENKSYMS_EXPORT_SYMBOL(device_list);

u64 zone_sizes[MAX_NR_ZONES];
__GENKSYMS_EXPORT_SYMBOL(zone_sizes);

static inline int helper(void) { return 1; }
int plain_function(int a, unsigned long b) { return helper(); }
__GENKSYMS_EXPORT_SYMBOL(plain_function);

int device_register(struct device *dev) { return 0; }
__GENKSYMS_EXPORT_SYMBOL(device_register);
