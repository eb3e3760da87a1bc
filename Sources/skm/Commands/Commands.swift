/// Every subcommand, in the order `skm --help` lists them.
enum Commands {
    static var all: [CommandSpec] {
        [RegistryCommands.initialize]
            + RegistryCommands.all
            + QuestionnaireCommands.all
            + ResponseCommands.all
            + VisitCommands.all
            + [
                IKMCommand.spec, RekapCommand.spec, SampleSizeCommand.spec, ReportCommand.spec, TemplateCommand.spec,
                ZICommand.spec,
            ]
            + PerformanceCommands.all
            + FollowUpCommands.all
            + PackageCommands.all
            + [EntryCommand.spec, RPCCommand.spec, ServeCommand.spec]
            + MaintenanceCommands.all
            + [MergeCommand.spec]
            + [DemoCommand.spec]
    }

    /// Options shared by commands that select responses.
    static let filterOptions: [OptionSpec] = [
        .value("year", "TAHUN", "tahun survei, mis. 2025"),
        .value("quarter", "1-4", "triwulan (perlu --year)"),
        .value("semester", "1-2", "semester (perlu --year)"),
        .value("month", "1-12", "bulan (perlu --year)"),
        .value("from", "TTTT-BB-HH", "tanggal awal (termasuk)"),
        .value("to", "TTTT-BB-HH", "tanggal akhir (termasuk)"),
        .value("unit", "KODE[,KODE]", "unit layanan"),
        .value("service", "KODE[,KODE]", "jenis layanan"),
        .value("questionnaire", "ID", "kuesioner"),
    ]
}
