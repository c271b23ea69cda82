-- 0003: the readiness registry (issue 4): forces and their skills, the equipment catalogue and lots,
-- supply stocks, logistics points, shelters, and stock counts with their lines.
-- Generated from the EF model with 'ptds schema-script --provider Sqlite' (the new tables only), then the
-- default equipment catalogue inserted by hand (the national reference list; the province may extend it).

CREATE TABLE "equipment_types" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_equipment_types" PRIMARY KEY AUTOINCREMENT,
    "Code" TEXT NOT NULL,
    "NameVi" TEXT NOT NULL,
    "NameEn" TEXT NOT NULL,
    "Category" TEXT NOT NULL,
    "UnitOfMeasure" TEXT NOT NULL,
    "CapacityValue" REAL NULL,
    "CapacityUnit" TEXT NULL,
    "IsActive" INTEGER NOT NULL,
    "Version" INTEGER NOT NULL
);

CREATE TABLE "forces" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_forces" PRIMARY KEY AUTOINCREMENT,
    "UnitId" INTEGER NOT NULL,
    "OwnerOrganizationId" INTEGER NULL,
    "Kind" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Headcount" INTEGER NOT NULL,
    "Readiness" TEXT NOT NULL,
    "ContactName" TEXT NULL,
    "ContactPhone" TEXT NULL,
    "Note" TEXT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_forces_organizations_OwnerOrganizationId" FOREIGN KEY ("OwnerOrganizationId") REFERENCES "organizations" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_forces_units_UnitId" FOREIGN KEY ("UnitId") REFERENCES "units" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "force_skills" (
    "ForceId" INTEGER NOT NULL,
    "Skill" TEXT NOT NULL,
    "CertifiedMembers" INTEGER NOT NULL,
    CONSTRAINT "PK_force_skills" PRIMARY KEY ("ForceId", "Skill"),
    CONSTRAINT "FK_force_skills_forces_ForceId" FOREIGN KEY ("ForceId") REFERENCES "forces" ("Id") ON DELETE CASCADE
);

CREATE TABLE "logistics_points" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_logistics_points" PRIMARY KEY AUTOINCREMENT,
    "UnitId" INTEGER NOT NULL,
    "OwnerOrganizationId" INTEGER NULL,
    "Kind" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Latitude" REAL NULL,
    "Longitude" REAL NULL,
    "CapacityNote" TEXT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_logistics_points_organizations_OwnerOrganizationId" FOREIGN KEY ("OwnerOrganizationId") REFERENCES "organizations" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_logistics_points_units_UnitId" FOREIGN KEY ("UnitId") REFERENCES "units" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "supply_stocks" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_supply_stocks" PRIMARY KEY AUTOINCREMENT,
    "UnitId" INTEGER NOT NULL,
    "OwnerOrganizationId" INTEGER NULL,
    "Category" TEXT NOT NULL,
    "ItemName" TEXT NOT NULL,
    "Quantity" REAL NOT NULL,
    "UnitOfMeasure" TEXT NOT NULL,
    "StoragePointId" INTEGER NULL,
    "ExpiresOn" TEXT NULL,
    "Note" TEXT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_supply_stocks_logistics_points_StoragePointId" FOREIGN KEY ("StoragePointId") REFERENCES "logistics_points" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_supply_stocks_organizations_OwnerOrganizationId" FOREIGN KEY ("OwnerOrganizationId") REFERENCES "organizations" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_supply_stocks_units_UnitId" FOREIGN KEY ("UnitId") REFERENCES "units" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "equipment_lots" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_equipment_lots" PRIMARY KEY AUTOINCREMENT,
    "UnitId" INTEGER NOT NULL,
    "OwnerOrganizationId" INTEGER NULL,
    "EquipmentTypeId" INTEGER NOT NULL,
    "Quantity" INTEGER NOT NULL,
    "Condition" TEXT NOT NULL,
    "Location" TEXT NULL,
    "Latitude" REAL NULL,
    "Longitude" REAL NULL,
    "MaintenanceDue" TEXT NULL,
    "IsPrivate" INTEGER NOT NULL,
    "PrivateOwnerName" TEXT NULL,
    "PrivateOwnerPhone" TEXT NULL,
    "Note" TEXT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_equipment_lots_equipment_types_EquipmentTypeId" FOREIGN KEY ("EquipmentTypeId") REFERENCES "equipment_types" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_equipment_lots_organizations_OwnerOrganizationId" FOREIGN KEY ("OwnerOrganizationId") REFERENCES "organizations" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_equipment_lots_units_UnitId" FOREIGN KEY ("UnitId") REFERENCES "units" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "shelters" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_shelters" PRIMARY KEY AUTOINCREMENT,
    "UnitId" INTEGER NOT NULL,
    "OwnerOrganizationId" INTEGER NULL,
    "OwnerName" TEXT NULL,
    "Kind" TEXT NOT NULL,
    "BuildingUse" TEXT NULL,
    "Name" TEXT NOT NULL,
    "Address" TEXT NULL,
    "Capacity" INTEGER NOT NULL,
    "Latitude" REAL NULL,
    "Longitude" REAL NULL,
    "FloorsAboveFloodLevel" INTEGER NULL,
    "HasWater" INTEGER NOT NULL,
    "HasPower" INTEGER NOT NULL,
    "HasToilets" INTEGER NOT NULL,
    "HasMedical" INTEGER NOT NULL,
    "IsAccessible" INTEGER NOT NULL,
    "Condition" TEXT NOT NULL,
    "LastInspectedOn" TEXT NULL,
    "Note" TEXT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_shelters_organizations_OwnerOrganizationId" FOREIGN KEY ("OwnerOrganizationId") REFERENCES "organizations" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_shelters_units_UnitId" FOREIGN KEY ("UnitId") REFERENCES "units" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "stock_counts" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_stock_counts" PRIMARY KEY AUTOINCREMENT,
    "UnitId" INTEGER NOT NULL,
    "CountedOn" TEXT NOT NULL,
    "SubmittedBy" TEXT NOT NULL,
    "SubmittedAt" TEXT NOT NULL,
    "State" TEXT NOT NULL,
    "AppliedAt" TEXT NULL,
    "Note" TEXT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_stock_counts_units_UnitId" FOREIGN KEY ("UnitId") REFERENCES "units" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "stock_count_lines" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_stock_count_lines" PRIMARY KEY AUTOINCREMENT,
    "StockCountId" INTEGER NOT NULL,
    "ItemKind" TEXT NOT NULL,
    "ItemId" INTEGER NOT NULL,
    "ItemName" TEXT NOT NULL,
    "UnitOfMeasure" TEXT NOT NULL,
    "PreviousQuantity" REAL NULL,
    "CountedQuantity" REAL NOT NULL,
    "Note" TEXT NULL,
    CONSTRAINT "FK_stock_count_lines_stock_counts_StockCountId" FOREIGN KEY ("StockCountId") REFERENCES "stock_counts" ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_equipment_types_Code" ON "equipment_types" ("Code");
CREATE INDEX "IX_forces_OwnerOrganizationId" ON "forces" ("OwnerOrganizationId");
CREATE INDEX "IX_forces_UnitId_Kind" ON "forces" ("UnitId", "Kind");
CREATE INDEX "IX_logistics_points_OwnerOrganizationId" ON "logistics_points" ("OwnerOrganizationId");
CREATE INDEX "IX_logistics_points_UnitId_Kind" ON "logistics_points" ("UnitId", "Kind");
CREATE INDEX "IX_supply_stocks_OwnerOrganizationId" ON "supply_stocks" ("OwnerOrganizationId");
CREATE INDEX "IX_supply_stocks_StoragePointId" ON "supply_stocks" ("StoragePointId");
CREATE INDEX "IX_supply_stocks_UnitId_Category" ON "supply_stocks" ("UnitId", "Category");
CREATE INDEX "IX_equipment_lots_EquipmentTypeId" ON "equipment_lots" ("EquipmentTypeId");
CREATE INDEX "IX_equipment_lots_OwnerOrganizationId" ON "equipment_lots" ("OwnerOrganizationId");
CREATE INDEX "IX_equipment_lots_UnitId_EquipmentTypeId" ON "equipment_lots" ("UnitId", "EquipmentTypeId");
CREATE INDEX "IX_shelters_OwnerOrganizationId" ON "shelters" ("OwnerOrganizationId");
CREATE INDEX "IX_shelters_UnitId_Kind" ON "shelters" ("UnitId", "Kind");
CREATE INDEX "IX_stock_counts_UnitId_CountedOn" ON "stock_counts" ("UnitId", "CountedOn");
CREATE INDEX "IX_stock_count_lines_StockCountId" ON "stock_count_lines" ("StockCountId");

-- The default equipment catalogue: a reference list to start from; capacities are typical values per item.
INSERT INTO equipment_types ("Code", "NameVi", "NameEn", "Category", "UnitOfMeasure", "CapacityValue", "CapacityUnit", "IsActive", "Version") VALUES
    ('BOAT-ALU', 'Xuồng nhôm', 'Aluminium boat', 'Boat', 'chiếc', 10, 'people', 1, 0),
    ('BOAT-COMP', 'Xuồng composite', 'Composite boat', 'Boat', 'chiếc', 8, 'people', 1, 0),
    ('BOAT-CANO', 'Ca nô cứu hộ', 'Rescue motorboat', 'Boat', 'chiếc', 20, 'people', 1, 0),
    ('RAFT', 'Bè cứu sinh', 'Life raft', 'Boat', 'chiếc', 20, 'people', 1, 0),
    ('PUMP-S', 'Máy bơm nước di động', 'Portable water pump', 'Pump', 'cái', 100, 'm3/h', 1, 0),
    ('PUMP-L', 'Máy bơm công suất lớn', 'High-capacity pump', 'Pump', 'cái', 1000, 'm3/h', 1, 0),
    ('GEN-S', 'Máy phát điện nhỏ', 'Small generator', 'Generator', 'cái', 5, 'kW', 1, 0),
    ('GEN-L', 'Máy phát điện lớn', 'Large generator', 'Generator', 'cái', 50, 'kW', 1, 0),
    ('FIRE-ENG', 'Xe chữa cháy', 'Fire engine', 'FireEngine', 'chiếc', 4000, 'litres', 1, 0),
    ('FIRE-PUMP', 'Máy bơm chữa cháy khiêng tay', 'Portable fire pump', 'FireEngine', 'cái', NULL, NULL, 1, 0),
    ('RESCUE-KIT', 'Bộ dụng cụ cứu hộ, cứu nạn', 'Rescue tool kit', 'RescueKit', 'bộ', NULL, NULL, 1, 0),
    ('FIRSTAID-KIT', 'Túi sơ cấp cứu', 'First-aid kit', 'RescueKit', 'túi', NULL, NULL, 1, 0),
    ('CHAINSAW', 'Cưa máy', 'Chainsaw', 'RescueKit', 'cái', NULL, NULL, 1, 0),
    ('LIFEJACKET', 'Áo phao cứu sinh', 'Life jacket', 'LifeJacket', 'cái', 1, 'people', 1, 0),
    ('LIFEBUOY', 'Phao tròn cứu sinh', 'Lifebuoy', 'LifeJacket', 'cái', 1, 'people', 1, 0),
    ('TENT-S', 'Lều bạt gia đình', 'Family tent', 'Tent', 'cái', 6, 'people', 1, 0),
    ('TENT-L', 'Nhà bạt cứu sinh', 'Large relief tent', 'Tent', 'cái', 30, 'people', 1, 0),
    ('TRUCK', 'Xe tải', 'Truck', 'Vehicle', 'chiếc', 5, 't', 1, 0),
    ('AMBULANCE', 'Xe cứu thương', 'Ambulance', 'Vehicle', 'chiếc', 2, 'people', 1, 0),
    ('EXCAVATOR', 'Máy xúc', 'Excavator', 'Vehicle', 'chiếc', NULL, NULL, 1, 0),
    ('MEGAPHONE', 'Loa cầm tay', 'Megaphone', 'Other', 'cái', NULL, NULL, 1, 0),
    ('SEARCHLIGHT', 'Đèn pha tìm kiếm', 'Searchlight', 'Other', 'cái', NULL, NULL, 1, 0);
