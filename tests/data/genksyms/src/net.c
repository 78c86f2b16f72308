#include "net.h"

int register_netdev(struct net_device *dev) { return 0; }
__GENKSYMS_EXPORT_SYMBOL(register_netdev);

void netdev_stats(const struct net_device *dev, struct stats *out) { }
__GENKSYMS_EXPORT_SYMBOL(netdev_stats);

enum zone_type netdev_zone(struct net_device *dev) { return ZONE_DMA; }
__GENKSYMS_EXPORT_SYMBOL(netdev_zone);
