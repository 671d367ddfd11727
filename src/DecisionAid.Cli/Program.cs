return DecisionAid.Cli.PdaCommand.Run(args, Console.Out, Console.Error);
