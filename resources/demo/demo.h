/*
 * The explorer's demo: a toy network driver core, in two versions (DEMO_VERSION 0 and 1).
 * Version 1 adds rx_dropped to struct demo_stats (a change that ripples into every export that
 * reaches it), adds the link state DEMO_LINK_DORMANT, uses a reserved kABI slot in struct
 * demo_config (which --stable hides), adds demo_reset() and drops demo_legacy_poll().
 */
#ifndef DEMO_H
#define DEMO_H

/* kABI helpers in the shape gendwarfksyms --stable understands. */
#define DEMO_KABI_RESERVE(n) unsigned long __kabi_reserved##n
#define DEMO_KABI_USE(n, decl) union { struct { decl; }; DEMO_KABI_RESERVE(n); }

struct demo_stats {
	unsigned long rx_packets;
	unsigned long tx_packets;
#if DEMO_VERSION >= 1
	unsigned long rx_dropped;
#endif
};

struct demo_queue {
	struct demo_stats stats;
	unsigned int depth;
	unsigned int flags;
};

struct demo_device;

struct demo_device_ops {
	int (*open)(struct demo_device *dev);
	void (*stop)(struct demo_device *dev);
	int (*xmit)(struct demo_device *dev, const void *data, unsigned int len);
};

enum demo_link {
	DEMO_LINK_DOWN,
	DEMO_LINK_UP,
	DEMO_LINK_TESTING,
#if DEMO_VERSION >= 1
	DEMO_LINK_DORMANT,
#endif
};

struct demo_device {
	const char *name;
	const struct demo_device_ops *ops;
	struct demo_queue *queues;
	unsigned int nqueues;
	unsigned char state;        /* leaves a 3-byte hole before link */
	enum demo_link link;
	unsigned long watermark;
};

struct demo_config {
	unsigned int mtu;
	unsigned int flags;
#if DEMO_VERSION >= 1
	DEMO_KABI_USE(1, void *cookie);
#else
	DEMO_KABI_RESERVE(1);
#endif
};

int demo_register(struct demo_device *dev);
void demo_unregister(struct demo_device *dev);
unsigned int demo_queue_depth(const struct demo_queue *queue);
void demo_stats_read(const struct demo_stats *stats, unsigned long *rx, unsigned long *tx);
enum demo_link demo_link_state(const char *name);
int demo_configure(struct demo_config *config);

#endif
