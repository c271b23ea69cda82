using CivilDefense.Core.Alerts.Delivery;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Core.Data;

public sealed partial class PtdsDbContext
{
    public DbSet<Delivery> Deliveries => Set<Delivery>();

    public DbSet<DeliveryMessage> DeliveryMessages => Set<DeliveryMessage>();

    public DbSet<DeliveryAlert> DeliveryAlerts => Set<DeliveryAlert>();
}
