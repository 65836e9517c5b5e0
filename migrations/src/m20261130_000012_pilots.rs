//! Pilots and their arms: a pilot's name, period, suppression threshold k and the seed of its random
//! assignment; its organisations and evaluators; and the assignment log of vacancies to the pilot
//! or control arm (random within strata, or by hand with a reason), itself evaluation data. The
//! current arm stays in `vacancies.arm`.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Pilots::Table)
                    .col(pk_uuid(Pilots::Id))
                    .col(string_len(Pilots::Name, 200))
                    .col(date(Pilots::StartsOn))
                    .col(date(Pilots::EndsOn))
                    .col(small_integer(Pilots::K))
                    .col(big_integer(Pilots::Seed))
                    .col(uuid(Pilots::CreatedBy))
                    .col(timestamp_with_time_zone(Pilots::CreatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(PilotOrganisations::Table)
                    .col(uuid(PilotOrganisations::PilotId))
                    .col(uuid(PilotOrganisations::OrganisationId))
                    .primary_key(
                        Index::create().col(PilotOrganisations::PilotId).col(PilotOrganisations::OrganisationId),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(PilotOrganisations::Table, PilotOrganisations::PilotId)
                            .to(Pilots::Table, Pilots::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(PilotEvaluators::Table)
                    .col(uuid(PilotEvaluators::PilotId))
                    .col(uuid(PilotEvaluators::UserId))
                    .primary_key(Index::create().col(PilotEvaluators::PilotId).col(PilotEvaluators::UserId))
                    .foreign_key(
                        ForeignKey::create()
                            .from(PilotEvaluators::Table, PilotEvaluators::PilotId)
                            .to(Pilots::Table, Pilots::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(ArmAssignments::Table)
                    .col(pk_uuid(ArmAssignments::Id))
                    .col(uuid(ArmAssignments::PilotId))
                    .col(uuid(ArmAssignments::VacancyId))
                    .col(string_len(ArmAssignments::Arm, 10))
                    .col(string_len(ArmAssignments::Method, 10))
                    .col(string_len(ArmAssignments::Stratum, 100))
                    .col(big_integer_null(ArmAssignments::Seed))
                    .col(text_null(ArmAssignments::Reason))
                    .col(uuid(ArmAssignments::AssignedBy))
                    .col(timestamp_with_time_zone(ArmAssignments::AssignedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(ArmAssignments::Table, ArmAssignments::PilotId)
                            .to(Pilots::Table, Pilots::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_arm_assignments_pilot")
                    .table(ArmAssignments::Table)
                    .col(ArmAssignments::PilotId)
                    .col(ArmAssignments::AssignedAt)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(ArmAssignments::Table).to_owned()).await?;
        manager.drop_table(Table::drop().table(PilotEvaluators::Table).to_owned()).await?;
        manager.drop_table(Table::drop().table(PilotOrganisations::Table).to_owned()).await?;
        manager.drop_table(Table::drop().table(Pilots::Table).to_owned()).await
    }
}

#[derive(DeriveIden)]
enum Pilots {
    Table,
    Id,
    Name,
    StartsOn,
    EndsOn,
    K,
    Seed,
    CreatedBy,
    CreatedAt,
}

#[derive(DeriveIden)]
enum PilotOrganisations {
    Table,
    PilotId,
    OrganisationId,
}

#[derive(DeriveIden)]
enum PilotEvaluators {
    Table,
    PilotId,
    UserId,
}

#[derive(DeriveIden)]
enum ArmAssignments {
    Table,
    Id,
    PilotId,
    VacancyId,
    Arm,
    Method,
    Stratum,
    Seed,
    Reason,
    AssignedBy,
    AssignedAt,
}
