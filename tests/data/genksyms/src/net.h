/* The network fixture's own types, in a header so genksyms records them. */
#include "kabi.h"

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
