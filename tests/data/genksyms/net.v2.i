# 0 "net.c"
# 0 "<built-in>"
# 0 "<command-line>"
# 1 "net.c"
# 1 "net.h" 1

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

 ZONE_DEVICE,

 ZONE_MOVABLE,
 MAX_NR_ZONES
};

enum { ANON_A = -3, ANON_B = (1 << 4) | 2 };

struct page;
struct kobject;

struct kobject { const char *name; struct list_head entry; };


union map_key {
 u32 id;
 u64 cookie;
 struct { u32 lo, hi; } parts;
};

struct stats {
 u64 rx_packets;

 u64 rx_dropped;

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

 long private_data;



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
# 3 "net.h" 2

struct net_device {
 struct device dev;
 struct stats *stats;
 union map_key key;
 struct net_device *next;
 const struct net_ops *ops;
};

struct net_ops {
 int (*open)(struct net_device *);
 int (*xmit)(struct net_device *, struct page *, gfp_t);
};
# 2 "net.c" 2

int register_netdev(struct net_device *dev) { return 0; }
__GENKSYMS_EXPORT_SYMBOL(register_netdev);

void netdev_stats(const struct net_device *dev, struct stats *out) { }
__GENKSYMS_EXPORT_SYMBOL(netdev_stats);

enum zone_type netdev_zone(struct net_device *dev) { return ZONE_DMA; }
__GENKSYMS_EXPORT_SYMBOL(netdev_zone);
