/* The demo build: compiled twice, with -DDEMO_VERSION=0 and 1 (see demo.h). */
#include "../kbuild_export.h"
#include "demo.h"

int demo_register(struct demo_device *dev) { return dev->ops->open(dev); }
EXPORT_SYMBOL_GPL(demo_register);

void demo_unregister(struct demo_device *dev) { dev->ops->stop(dev); }
EXPORT_SYMBOL_GPL(demo_unregister);

unsigned int demo_queue_depth(const struct demo_queue *queue) { return queue->depth; }
EXPORT_SYMBOL(demo_queue_depth);

void demo_stats_read(const struct demo_stats *stats, unsigned long *rx, unsigned long *tx)
{
	*rx = stats->rx_packets;
	*tx = stats->tx_packets;
}
EXPORT_SYMBOL(demo_stats_read);

enum demo_link demo_link_state(const char *name) { return name ? DEMO_LINK_UP : DEMO_LINK_DOWN; }
EXPORT_SYMBOL(demo_link_state);

int demo_configure(struct demo_config *config) { return (int)config->mtu; }
EXPORT_SYMBOL_NS_GPL(demo_configure, "DEMO_CORE");

#if DEMO_VERSION >= 1
void demo_reset(struct demo_device *dev) { dev->nqueues = 0; }
EXPORT_SYMBOL_GPL(demo_reset);
#else
int demo_legacy_poll(struct demo_device *dev) { return (int)dev->nqueues; }
EXPORT_SYMBOL(demo_legacy_poll);
#endif
