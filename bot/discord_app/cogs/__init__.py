"""The bot's cogs, each an extension loaded by name (`await bot.load_extension(...)`)."""

EXTENSIONS = ("bot.discord_app.cogs.answers", "bot.discord_app.cogs.admin",
              "bot.discord_app.cogs.newsroom", "bot.discord_app.cogs.errors")
