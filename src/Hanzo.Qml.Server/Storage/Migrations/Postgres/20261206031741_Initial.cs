using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hanzo.Qml.Server.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "benchmarks",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    OrganisationId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    RequestJson = table.Column<string>(type: "text", nullable: false),
                    JobId = table.Column<string>(type: "text", nullable: false),
                    ReportJson = table.Column<byte[]>(type: "bytea", nullable: true),
                    ReportMarkdown = table.Column<byte[]>(type: "bytea", nullable: true),
                    ReportHtml = table.Column<byte[]>(type: "bytea", nullable: true),
                    QuantumAdvantage = table.Column<bool>(type: "boolean", nullable: true),
                    Recommendation = table.Column<string>(type: "text", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CompletedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_benchmarks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "budgets",
                columns: table => new
                {
                    OrganisationId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Backend = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SpentMicros = table.Column<long>(type: "bigint", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_budgets", x => new { x.OrganisationId, x.Backend });
                });

            migrationBuilder.CreateTable(
                name: "circuits",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    OrganisationId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Format = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Definition = table.Column<string>(type: "text", nullable: false),
                    NumQubits = table.Column<int>(type: "integer", nullable: false),
                    NumWeights = table.Column<int>(type: "integer", nullable: false),
                    NumFeatures = table.Column<int>(type: "integer", nullable: false),
                    Depth = table.Column<int>(type: "integer", nullable: false),
                    NumGates = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_circuits", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "jobs",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    OrganisationId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    TargetId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    RequestJson = table.Column<string>(type: "text", nullable: false),
                    ResultJson = table.Column<string>(type: "text", nullable: true),
                    Error = table.Column<string>(type: "text", nullable: true),
                    Progress = table.Column<double>(type: "double precision", nullable: false),
                    ProgressMessage = table.Column<string>(type: "text", nullable: true),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    LeaseOwner = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    LeaseExpiresAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CancelRequested = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    StartedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    FinishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_jobs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "kernel_matrices",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    OrganisationId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    KernelId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Rows = table.Column<int>(type: "integer", nullable: false),
                    Columns = table.Column<int>(type: "integer", nullable: false),
                    Symmetric = table.Column<bool>(type: "boolean", nullable: false),
                    Inputs = table.Column<byte[]>(type: "bytea", nullable: true),
                    Values = table.Column<byte[]>(type: "bytea", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_kernel_matrices", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "kernels",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    OrganisationId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Encoding = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    NumQubits = table.Column<int>(type: "integer", nullable: false),
                    Reps = table.Column<int>(type: "integer", nullable: false),
                    Rotation = table.Column<string>(type: "text", nullable: false),
                    Entanglement = table.Column<string>(type: "text", nullable: false),
                    Alpha = table.Column<double>(type: "double precision", nullable: false),
                    Paulis = table.Column<string>(type: "text", nullable: false),
                    PadWith = table.Column<double>(type: "double precision", nullable: false),
                    NumFeatures = table.Column<int>(type: "integer", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_kernels", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "models",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    OrganisationId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    ModelType = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    State = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    OptionsJson = table.Column<string>(type: "text", nullable: false),
                    Parameters = table.Column<byte[]>(type: "bytea", nullable: true),
                    History = table.Column<byte[]>(type: "bytea", nullable: true),
                    Document = table.Column<byte[]>(type: "bytea", nullable: true),
                    Checkpoint = table.Column<byte[]>(type: "bytea", nullable: true),
                    CheckpointJobId = table.Column<string>(type: "text", nullable: true),
                    MetadataJson = table.Column<string>(type: "text", nullable: true),
                    LastJobId = table.Column<string>(type: "text", nullable: true),
                    Error = table.Column<string>(type: "text", nullable: true),
                    TrainMetric = table.Column<double>(type: "double precision", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_models", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_benchmarks_OrganisationId",
                table: "benchmarks",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_circuits_OrganisationId",
                table: "circuits",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_jobs_OrganisationId",
                table: "jobs",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_jobs_Status_CreatedAt",
                table: "jobs",
                columns: new[] { "Status", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_kernel_matrices_OrganisationId_KernelId",
                table: "kernel_matrices",
                columns: new[] { "OrganisationId", "KernelId" });

            migrationBuilder.CreateIndex(
                name: "IX_kernels_OrganisationId",
                table: "kernels",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_models_OrganisationId",
                table: "models",
                column: "OrganisationId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "benchmarks");

            migrationBuilder.DropTable(
                name: "budgets");

            migrationBuilder.DropTable(
                name: "circuits");

            migrationBuilder.DropTable(
                name: "jobs");

            migrationBuilder.DropTable(
                name: "kernel_matrices");

            migrationBuilder.DropTable(
                name: "kernels");

            migrationBuilder.DropTable(
                name: "models");
        }
    }
}
